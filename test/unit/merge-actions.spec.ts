import { describe, expect, it } from "@jest/globals";
import { ConflictError, NotFoundError, TransactionError } from "../../lib/core/index.js";
import type { ActionData, UpdateParts } from "../../lib/core/engine/write-action.js";
import type { Condition } from "../../lib/core/expression/condition.js";
import { mergeActions, type NextWrite } from "../../lib/core/transaction/merge-writes.js";
import { applyUpdateToItem, conditionBeforeAdd, mergeUpdateParts } from "../../lib/core/transaction/merge-update-parts.js";
import type { ItemWrite } from "../../lib/core/transaction/item-write.js";

const parts = (over: Partial<UpdateParts>): UpdateParts => ({ set: {}, remove: [], add: {}, ...over });
const key = { id: "1" };
const exists: Condition = { column: "id", op: "!=", value: null };
const absent: Condition = { column: "id", op: "=", value: null };
const queued = (action: Omit<ActionData, "table" | "key">, instance?: object): ItemWrite => ({
  modelName: "Product",
  table: "products",
  key,
  action: { table: "products", key, ...action },
  instance,
});
const next = (action: Omit<NextWrite, "table" | "key">): NextWrite => ({ table: "products", key, ...action });

/** Pure merge rules: what two writes of one item become, decided without a database. */
describe("merging writes of one item", () => {
  it("a later SET wins and cancels an earlier REMOVE or ADD of the same attribute", () => {
    const merged = mergeUpdateParts(parts({ set: { a: 1 }, remove: ["b"], add: { c: 2 } }), parts({ set: { b: "x", c: 9 } }));
    expect(merged).toEqual({ set: { a: 1, b: "x", c: 9 }, remove: [], add: {} });
  });

  it("a later REMOVE cancels an earlier SET; ADDs add up; ADD after SET or REMOVE becomes a SET", () => {
    expect(
      mergeUpdateParts(parts({ set: { a: 1, n: 10 }, add: { c: 2 } }), parts({ remove: ["a"], add: { c: 3, n: 5 } })),
    ).toEqual({
      set: { n: 15 },
      remove: ["a"],
      add: { c: 5 },
    });
    expect(mergeUpdateParts(parts({ remove: ["n"] }), parts({ add: { n: 4 } }))).toEqual({ set: { n: 4 }, remove: [], add: {} });
  });

  it("an update applied to a Put item sets, removes and adds in stored form", () => {
    expect(
      applyUpdateToItem({ id: "1", a: 1, b: 2, n: 3 }, parts({ set: { a: 5 }, remove: ["b"], add: { n: 2, m: 1 } })),
    ).toEqual({
      id: "1",
      a: 5,
      n: 5,
      m: 1,
    });
  });

  it("a comparison after ADD is restated on the value before it; an absent value counts as 0", () => {
    expect(conditionBeforeAdd({ column: "s", op: ">=", value: 3 }, 2)).toEqual({
      column: "s",
      op: ">=",
      value: 1,
      orMissing: false,
    });
    expect(conditionBeforeAdd({ column: "s", op: ">=", value: 1 }, 2)).toEqual({
      column: "s",
      op: ">=",
      value: -1,
      orMissing: true,
    });
    expect(conditionBeforeAdd({ column: "s", op: "between", value: [0, 10] }, 5)).toMatchObject({
      value: [-5, 5],
      orMissing: true,
    });
    expect(conditionBeforeAdd({ column: "s", op: "!=", value: null }, 1)).toBe(true);
    expect(conditionBeforeAdd({ column: "s", op: "contains", value: 1 }, 1)).toBeUndefined();
  });

  it("a second create of one key is the create's own ConflictError; a save of the same new instance re-states it", () => {
    const instance = {};
    const write = queued({ kind: "Put", item: { id: "1", a: 1 }, conditions: [absent] }, instance);
    const duplicate = () => new ConflictError("already exists");
    expect(() =>
      mergeActions(write, next({ kind: "Put", item: { id: "1" }, conditions: [absent], onConditionFailed: duplicate })),
    ).toThrow(ConflictError);
    expect(mergeActions(write, next({ kind: "Put", item: { id: "1", a: 2 }, conditions: [absent], instance }))).toEqual({
      kind: "Put",
      table: "products",
      key,
      item: { id: "1", a: 2 },
      conditions: [absent],
    });
  });

  it("create then delete leaves a ConditionCheck that the key was free", () => {
    const write = queued({ kind: "Put", item: { id: "1" }, conditions: [absent] });
    expect(mergeActions(write, next({ kind: "Delete", conditions: [] }))).toMatchObject({
      kind: "ConditionCheck",
      conditions: [absent],
    });
  });

  it("a condition on an attribute the queued update does not touch moves as it is; one it SETs is decided now", () => {
    const write = queued({ kind: "Update", update: parts({ set: { name: "b" } }), conditions: [exists] });
    const stock: Condition = { column: "stock", op: ">=", value: 2 };
    expect(mergeActions(write, next({ kind: "ConditionCheck", conditions: [exists, stock] }))).toMatchObject({
      kind: "Update",
      conditions: [exists, stock],
    });
    const notFound = () => new NotFoundError("gone");
    expect(() =>
      mergeActions(
        write,
        next({ kind: "ConditionCheck", conditions: [{ column: "name", op: "=", value: "a" }], onConditionFailed: notFound }),
      ),
    ).toThrow(NotFoundError);
  });

  it("an update after a delete fails now (its row is gone); a raw action never merges", () => {
    const deleted = queued({ kind: "Delete", conditions: [] });
    expect(() =>
      mergeActions(
        deleted,
        next({
          kind: "Update",
          update: parts({ set: { a: 1 } }),
          conditions: [exists],
          onConditionFailed: () => new NotFoundError("x"),
        }),
      ),
    ).toThrow(NotFoundError);
    const raw: ItemWrite = {
      modelName: "Product",
      table: "products",
      key,
      raw: { kind: "Update", params: { TableName: "products" } },
    };
    expect(() => mergeActions(raw, next({ kind: "Delete", conditions: [] }))).toThrow(TransactionError);
  });
});
