import type { WriteParams } from "../engine/write-action.js";
import { ValidationError } from "../errors/core-errors.js";
import { sizeOf } from "../item/item-size.js";
import { MAX_TRANSACTION_ACTIONS, MAX_TRANSACTION_BYTES } from "../item/limits.js";

/** Approximate request size of one action: its item, key, expressions and placeholder values. */
export function estimateActionBytes(params: WriteParams): number {
  return (
    sizeOf(params.Item) +
    sizeOf(params.Key) +
    sizeOf(params.UpdateExpression ?? "") +
    sizeOf(params.ConditionExpression ?? "") +
    sizeOf(params.ExpressionAttributeNames) +
    sizeOf(params.ExpressionAttributeValues)
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
