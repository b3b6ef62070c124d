import type { EngineContext } from "../engine/engine-context.js";
import { runWithoutWriteScope } from "../engine/write-scope.js";
import { ConfigError } from "../errors/core-errors.js";
import { TransactionPropagationError } from "../errors/transaction-propagation-error.js";
import { currentTransaction } from "./current-transaction.js";
import { Propagation, propagationOf, type TxOptions } from "./propagation.js";
import { runTransaction } from "./run-transaction.js";
import type { TransactionContext } from "./transaction-context.js";

/** A callback that may run inside a transaction (`tx` defined) or without one. */
export type MaybeTransactional<R> = (tx: TransactionContext | undefined) => Promise<R>;

// Without a transaction the callback's writes are sent one by one; a sync throw becomes a rejection.
async function withoutTransaction<R>(callback: MaybeTransactional<R>): Promise<R> {
  return runWithoutWriteScope(() => callback(undefined));
}

/**
 * Runs `callback` as its propagation mode says, relative to the transaction open in this async
 * context (see `Propagation`). Joining reuses `runTransaction`, so a failed joined callback still
 * rolls back the outer transaction.
 */
export async function runWithPropagation<R>(
  context: EngineContext,
  callback: MaybeTransactional<R>,
  options?: TxOptions,
): Promise<R> {
  if (typeof callback !== "function") throw new ConfigError(`dynamite.tx(callback) needs a function, not ${String(callback)}`);
  const mode = propagationOf(options);
  const outer = currentTransaction();
  switch (mode) {
    case Propagation.REQUIRED:
      return runTransaction(context, callback);
    case Propagation.REQUIRES_NEW:
      return runWithoutWriteScope(() => runTransaction(context, callback));
    case Propagation.MANDATORY:
      if (!outer)
        throw new TransactionPropagationError("Propagation MANDATORY needs an open transaction, and there is none", mode);
      return runTransaction(context, callback);
    case Propagation.NEVER:
      if (outer) {
        throw new TransactionPropagationError(
          `Propagation NEVER refuses to run inside an open transaction (token ${outer.token})`,
          mode,
        );
      }
      return withoutTransaction(callback);
    case Propagation.SUPPORTS:
      return outer ? runTransaction(context, callback) : withoutTransaction(callback);
    case Propagation.NOT_SUPPORTED:
      return withoutTransaction(callback);
  }
}
