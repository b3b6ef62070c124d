import type { EngineContext } from "../engine/engine-context.js";
import { TransactionContext } from "./transaction-context.js";
import { runInWriteScope } from "../engine/write-scope.js";
import { currentTransaction } from "./current-transaction.js";

/**
 * Runs the callback with a fresh ambient transaction and commits it when the callback resolves;
 * if the callback throws, nothing is sent. Inside an open transaction, joins it instead (a failure
 * of the nested callback then rolls back the outer one too).
 */
export async function runTransaction<R>(context: EngineContext, callback: (tx: TransactionContext) => Promise<R>): Promise<R> {
  const outer = currentTransaction();
  if (outer && outer.state === "open") return joinTransaction(outer, callback);
  const tx = new TransactionContext(context.doc, { retries: context.options.transactionRetries });
  // the scope covers the commit too: it is disabled once no transaction runs (engine/write-scope)
  return runInWriteScope(tx, async () => {
    let result: R;
    try {
      result = await callback(tx);
    } catch (error) {
      tx.discard();
      throw error;
    }
    await tx.commit();
    return result;
  });
}

async function joinTransaction<R>(outer: TransactionContext, callback: (tx: TransactionContext) => Promise<R>): Promise<R> {
  try {
    return await callback(outer);
  } catch (error) {
    outer.markRollbackOnly(error);
    throw error;
  }
}
