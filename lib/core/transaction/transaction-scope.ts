import { AsyncLocalStorage } from "node:async_hooks";
import type { TransactionContext } from "./transaction-context.js";

const scope = new AsyncLocalStorage<TransactionContext>();

/** The transaction open in this async context, if any (writes join it without a `tx` argument). */
export function currentTransaction(): TransactionContext | undefined {
  return scope.getStore();
}

/** Runs `fn` with `tx` as the ambient transaction. */
export function runInTransaction<R>(tx: TransactionContext, fn: () => R): R {
  return scope.run(tx, fn);
}
