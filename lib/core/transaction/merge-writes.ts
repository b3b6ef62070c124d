import type { ActionData, WriteAction } from "../engine/write-action.js";
import type { Condition } from "../expression/condition.js";
import { describeKey } from "../errors/write-errors.js";
import { TransactionError } from "../errors/transaction-error.js";
import { matchesAll } from "../read/match-conditions.js";
import type { ItemWrite } from "./item-write.js";
import { applyUpdateToItem, conditionBeforeAdd, mergeUpdateParts } from "./merge-update-parts.js";

/** A write joining an item of the transaction: a model write, or a raw Put/Delete given as data. */
export type NextWrite = ActionData & Partial<Pick<WriteAction, "instance" | "version" | "onConditionFailed">>;

/**
 * The one action with exactly the effect of the item's queued action followed by `next`, because
 * DynamoDB allows one action per item in a transaction and evaluates every condition against the
 * item as stored before it. `next`'s conditions are restated on that stored item: decided now when
 * the queued action fixes the value they read (then a failing one throws `next`'s own error, as
 * it would fail when sent), moved as they are when it does not touch it. When neither is
 * possible, a TransactionError refuses the merge. Nothing is sent either way.
 */
export function mergeActions(write: ItemWrite, next: NextWrite): ActionData {
  const current = write.action;
  if (!current) throw unmergeable(write, write.raw!.kind, next.kind);
  const own = next.instance !== undefined && next.instance === write.instance;
  const moved: Condition[] = [];
  for (const condition of next.conditions) {
    // the instance's own later write: its version was checked by the queued one, and a save of an
    // instance created here re-states the create rather than creating the row twice
    if (own && (condition === next.version || (current.kind === "Put" && next.kind === "Put"))) continue;
    const restated = conditionBefore(current, condition);
    if (restated === undefined) throw unmergeable(write, current.kind, next.kind);
    if (restated === false) throw failed(write, current, next);
    if (restated !== true) moved.push(restated);
  }
  return combine(current, next, [...current.conditions, ...moved]);
}

/** `condition` on the item after `current`, as a condition on the item before it (true/false: decided now). */
function conditionBefore(current: ActionData, condition: Condition): Condition | boolean | undefined {
  const decide = (item: Record<string, unknown>) => matchesAll(item, [condition]);
  switch (current.kind) {
    case "ConditionCheck":
      return condition;
    case "Put":
      return decide(current.item ?? {});
    case "Delete":
      return decide({});
    case "Update": {
      const { column } = condition;
      const parts = current.update!;
      // an update only touches an existing row (its own condition), and never its key
      if (column in current.key) return decide(current.key);
      if (column in parts.set) return decide({ [column]: parts.set[column] });
      if (parts.remove.includes(column)) return decide({});
      if (column in parts.add) return conditionBeforeAdd(condition, parts.add[column]);
      return condition;
    }
  }
}

/** The action doing `current` then `next`, under `conditions` on the stored item. */
function combine(current: ActionData, next: NextWrite, conditions: Condition[]): ActionData {
  const base = { table: current.table, key: current.key, conditions };
  switch (current.kind) {
    case "ConditionCheck":
      return { ...base, kind: next.kind, item: next.item, update: next.update };
    case "Put":
      if (next.kind === "Put") return { ...base, kind: "Put", item: next.item };
      if (next.kind === "Update") return { ...base, kind: "Put", item: applyUpdateToItem(current.item!, next.update!) };
      if (next.kind === "ConditionCheck") return { ...base, kind: "Put", item: current.item };
      // created then deleted: nothing to write, but the create's "no such row" still has to hold
      return { ...base, kind: conditions.length ? "ConditionCheck" : "Delete" };
    case "Delete":
      if (next.kind === "Put") return { ...base, kind: "Put", item: next.item };
      if (next.kind === "Update") return { ...base, kind: "Put", item: applyUpdateToItem(current.key, next.update!) };
      return { ...base, kind: "Delete" };
    case "Update":
      if (next.kind === "Update") return { ...base, kind: "Update", update: mergeUpdateParts(current.update!, next.update!) };
      if (next.kind === "ConditionCheck") return { ...base, kind: "Update", update: current.update };
      return { ...base, kind: next.kind, item: next.item };
  }
}

/** `next` cannot succeed after what is queued (e.g. a second create of one key): its own error, before sending. */
function failed(write: ItemWrite, current: ActionData, next: NextWrite): Error {
  const known =
    current.kind === "Put" ? current.item : current.kind === "Update" ? { ...current.key, ...current.update!.set } : undefined;
  if (next.onConditionFailed) return next.onConditionFailed(undefined, known);
  return new TransactionError(
    `${write.modelName} with key ${describeKey(write.key)}: a ${next.kind} cannot succeed after the ${current.kind} queued ` +
      "before it in this transaction. Nothing was sent.",
  );
}

/** The refusal of two writes to one item that no single action can stand for. */
export function unmergeable(write: ItemWrite, first: string, second: string): TransactionError {
  const article = (word: string) => (/^[AEIOU]/i.test(word) ? `an ${word}` : `a ${word}`);
  return new TransactionError(
    `${write.modelName} with key ${describeKey(write.key)}: ${article(first)} followed by ${article(second)} of the same item cannot be ` +
      "merged into one action with the same effect, and DynamoDB allows one action per item in a transaction. Nothing was " +
      "sent; split these writes into two transactions.",
  );
}
