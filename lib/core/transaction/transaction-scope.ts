import { AsyncLocalStorage } from "node:async_hooks";
import type { TransactionContext } from "./transaction-context.js";

const scope = new AsyncLocalStorage<TransactionContext>();

/**
 * The transaction open in this async context, if any (writes join it without a `tx` argument).
 * A committed or failed one no longer counts, so writes in `afterCommit` hooks are sent on their own.
 */
export function currentTransaction(): TransactionContext | undefined {
  const tx = scope.getStore();
  return tx?.state === "open" ? tx : undefined;
}

/** Runs `fn` with `tx` as the ambient transaction. */
export function runInTransaction<R>(tx: TransactionContext, fn: () => R): R {
  return scope.run(tx, fn);
}

/** Runs `fn` with no ambient transaction (writes inside are sent on their own). */
export function runWithoutTransaction<R>(fn: () => R): R {
  return scope.run(undefined as unknown as TransactionContext, fn);
}
