import type { EngineContext } from "../client/engine-context.js";
import { TransactionContext } from "./transaction-context.js";
import { currentTransaction, runInTransaction } from "./transaction-scope.js";

/** Runs the callback with a fresh ambient transaction (or joins the open one) and commits it. */
export async function runTransaction<R>(context: EngineContext, callback: (tx: TransactionContext) => Promise<R>): Promise<R> {
  const outer = currentTransaction();
  if (outer) return callback(outer);
  const tx = new TransactionContext(context.doc);
  const result = await runInTransaction(tx, () => callback(tx));
  await tx.commit();
  return result;
}
