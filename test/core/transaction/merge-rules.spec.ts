import { describe, expect, it } from "@jest/globals";
import { withConditions } from "../../../lib/core/transaction/condition-part.js";
import { applyUpdateToItem, mergeUpdateParts } from "../../../lib/core/transaction/merge-update-parts.js";
import type { UpdateParts } from "../../../lib/core/engine/write-action.js";

const parts = (over: Partial<UpdateParts>): UpdateParts => ({
  set: {},
  remove: [],
  add: {},
  conditions: [],
  mustExist: false,
  ...over,
});

/** Pure merge rules (no database): what two writes of one item become. */
describe("merge rules", () => {
  it("a later SET wins and cancels an earlier REMOVE or ADD of the same attribute", () => {
    const merged = mergeUpdateParts(parts({ set: { a: 1 }, remove: ["b"], add: { c: 2 } }), parts({ set: { b: "x", c: 9 } }));
    expect(merged).toMatchObject({ set: { a: 1, b: "x", c: 9 }, remove: [], add: {} });
  });

  it("a later REMOVE cancels an earlier SET; ADDs add up; ADD after SET becomes a SET of the sum", () => {
    const merged = mergeUpdateParts(
      parts({ set: { a: 1, n: 10 }, add: { c: 2 } }),
      parts({ remove: ["a"], add: { c: 3, n: 5 } }),
    );
    expect(merged).toMatchObject({ set: { n: 15 }, remove: ["a"], add: { c: 5 } });
  });

  it("ADD after REMOVE becomes a SET; conditions are concatenated and mustExist is kept", () => {
    const condition = { column: "s", op: ">=" as const, value: 1 };
    const merged = mergeUpdateParts(parts({ remove: ["n"], mustExist: true }), parts({ add: { n: 4 }, conditions: [condition] }));
    expect(merged).toMatchObject({ set: { n: 4 }, remove: [], conditions: [condition], mustExist: true });
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

  it("withConditions ANDs moved conditions and renames colliding placeholders apart", () => {
    const base = {
      TableName: "t",
      Key: { id: "1" },
      UpdateExpression: "SET #n0 = :v0",
      ConditionExpression: "attribute_exists(#n1)",
      ExpressionAttributeNames: { "#n0": "stock", "#n1": "id" },
      ExpressionAttributeValues: { ":v0": 1 },
    };
    const check = { expression: "#n0 >= :v0", names: { "#n0": "stock" }, values: { ":v0": 2 } };
    const merged = withConditions(base, [check, check]);
    expect(merged.ConditionExpression).toBe("(attribute_exists(#n1)) AND (#c0_n0 >= :c0_v0) AND (#c1_n0 >= :c1_v0)");
    expect(merged.ExpressionAttributeNames).toEqual({ "#n0": "stock", "#n1": "id", "#c0_n0": "stock", "#c1_n0": "stock" });
    expect(merged.ExpressionAttributeValues).toEqual({ ":v0": 1, ":c0_v0": 2, ":c1_v0": 2 });
    expect(merged.UpdateExpression).toBe("SET #n0 = :v0");
  });

  it("withConditions keeps a condition as is when nothing collides", () => {
    const merged = withConditions({ TableName: "t", Item: { id: "1" } }, [
      { expression: "attribute_not_exists(#n0)", names: { "#n0": "id" }, values: {} },
    ]);
    expect(merged).toEqual({
      TableName: "t",
      Item: { id: "1" },
      ConditionExpression: "attribute_not_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "id" },
    });
  });
});
