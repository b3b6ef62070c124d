import { describeKey } from "../errors/write-errors.js";
import type { ConditionPart } from "./condition-part.js";
import { updateConditions, type ItemState, type ItemWrite } from "./item-write.js";
import { applyUpdateToItem, mergeUpdateParts } from "./merge-update-parts.js";
import { TransactionError } from "../errors/transaction-error.js";

type Of<K extends ItemState["kind"]> = Extract<ItemState, { kind: K }>;

/**
 * The one action equivalent to the item's queued writes followed by `next`, because DynamoDB
 * refuses two actions on one item in a transaction. Every condition is evaluated by DynamoDB
 * against the item as stored before the transaction. Throws a TransactionError when no single
 * action can stand for both.
 */
export function mergeInto(write: ItemWrite, next: ItemState): ItemState {
  const current = write.state;
  if (current.kind === "None") return next;
  if (next.kind === "ConditionCheck") return withExtra(current, next.conditions);
  if (current.kind === "ConditionCheck") return withExtra(next, current.conditions);
  const merged = mergeWrites(write, current, next);
  if (!merged) throw unmergeable(write, current.kind, next);
  return merged;
}

function mergeWrites(write: ItemWrite, current: Exclude<ItemState, Of<"None"> | Of<"ConditionCheck">>, next: ItemState) {
  switch (current.kind) {
    case "Put":
      return afterPut(current, next);
    case "Update":
      return afterUpdate(write, current, next);
    case "Delete":
      return afterDelete(current, next);
  }
}

function afterPut(put: Of<"Put">, next: ItemState): ItemState | undefined {
  switch (next.kind) {
    case "Put": // save() of an instance created in this transaction: the last attributes win
      return { ...put, item: next.item };
    case "Update":
      if (!next.parts || next.parts.conditions.length || next.conditions.length) return undefined;
      return { ...put, item: applyUpdateToItem(put.item, next.parts) };
    case "Delete":
      if (next.conditions.length) return undefined;
      if (!put.insert) return { kind: "Delete", conditions: put.conditions };
      // created then deleted: nothing to write, but conditions folded in from checks still hold
      return put.conditions.length ? { kind: "ConditionCheck", conditions: [put.insert, ...put.conditions] } : { kind: "None" };
    default:
      return undefined;
  }
}

function afterUpdate(write: ItemWrite, update: Of<"Update">, next: ItemState): ItemState | undefined {
  switch (next.kind) {
    case "Update":
      if (!update.parts || !next.parts) return undefined;
      return {
        kind: "Update",
        parts: mergeUpdateParts(update.parts, next.parts),
        conditions: [...update.conditions, ...next.conditions],
      };
    case "Delete":
      return { kind: "Delete", conditions: [...updateConditions(write, update), ...next.conditions] };
    case "Put":
      // a create of an item this transaction updates would fail; an overwrite keeps the update's conditions
      if (next.insert) return undefined;
      return { kind: "Put", item: next.item, conditions: [...updateConditions(write, update), ...next.conditions] };
    default:
      return undefined;
  }
}

function afterDelete(del: Of<"Delete">, next: ItemState): ItemState | undefined {
  switch (next.kind) {
    case "Put": // delete then create: the row is replaced, so the create's not-exists condition no longer applies
      return { kind: "Put", item: next.item, conditions: [...del.conditions, ...next.conditions] };
    case "Delete":
      return next.conditions.length ? undefined : del;
    default:
      return undefined;
  }
}

function withExtra(state: ItemState, conditions: ConditionPart[]): ItemState {
  if (state.kind === "None") return { kind: "ConditionCheck", conditions };
  return { ...state, conditions: [...state.conditions, ...conditions] };
}

function unmergeable(write: ItemWrite, first: string, next: ItemState): TransactionError {
  const second = next.kind === "Put" && next.insert ? "create" : next.kind;
  const article = (word: string) => (/^[AEIOU]/i.test(word) ? `an ${word}` : `a ${word}`);
  return new TransactionError(
    `${write.modelName} with key ${describeKey(write.key)}: ${article(first)} followed by ${article(second)} of the same item cannot be ` +
      "merged into one action, and DynamoDB allows one action per item in a transaction. Nothing was sent; " +
      "split these writes into two transactions.",
  );
}
