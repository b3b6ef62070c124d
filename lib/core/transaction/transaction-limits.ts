import type { WriteParams } from "../engine/write-action.js";
import { ValidationError } from "../errors/core-errors.js";
import { sizeBound, sizeOf } from "../item/item-size.js";
import { MAX_TRANSACTION_ACTIONS, MAX_TRANSACTION_BYTES } from "../item/limits.js";

/** Approximate request size of one action: its item, key, expressions and placeholder values (`size`: exact, or its bound). */
export function estimateActionBytes(params: WriteParams, size: (value: unknown) => number = sizeOf): number {
  return (
    size(params.Item) +
    size(params.Key) +
    size(params.UpdateExpression ?? "") +
    size(params.ConditionExpression ?? "") +
    size(params.ExpressionAttributeNames) +
    size(params.ExpressionAttributeValues)
  );
}

/** Refuses, before anything is sent, a transaction DynamoDB would reject for its size: a ValidationError naming the limit. */
export function assertWithinLimits(actions: WriteParams[]): void {
  if (actions.length > MAX_TRANSACTION_ACTIONS) {
    throw ValidationError.of(
      "transaction",
      "actions",
      "maxActions",
      `A transaction holds ${actions.length} actions after merging writes to the same item; DynamoDB allows ` +
        `${MAX_TRANSACTION_ACTIONS}. Nothing was sent; split the work into several transactions (each one is atomic on its own).`,
    );
  }
  // the bound (no encoding) passes nearly every transaction; the exact estimate only when it is over
  if (actions.reduce((sum, params) => sum + estimateActionBytes(params, sizeBound), 0) <= MAX_TRANSACTION_BYTES) return;
  const bytes = actions.reduce((sum, params) => sum + estimateActionBytes(params), 0);
  if (bytes > MAX_TRANSACTION_BYTES) {
    throw ValidationError.of(
      "transaction",
      "size",
      "maxBytes",
      `A transaction holds about ${(bytes / 1024 / 1024).toFixed(1)} MB of items; DynamoDB allows 4 MB. ` +
        "Nothing was sent; write fewer or smaller items per transaction.",
    );
  }
}
