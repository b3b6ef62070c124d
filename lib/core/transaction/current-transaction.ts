import { currentWriteQueue } from "../engine/write-scope.js";
import { TransactionContext } from "./transaction-context.js";

/**
 * The transaction open in this async context, if any (writes join it without a `tx` argument).
 * A committed or failed one no longer counts, so writes in `afterCommit` hooks are sent on their own.
 */
export function currentTransaction(): TransactionContext | undefined {
  const queue = currentWriteQueue();
  return queue instanceof TransactionContext ? queue : undefined;
}
