import { isWriteQueue, type WriteQueue } from "../engine/write-queue.js";

/** Per-call options of a write. @example `await user.save({ hooks: false })` */
export interface WriteOptions {
  /** Run lifecycle hooks (default true). */
  hooks?: boolean;
  /** The @arcaelas/dynamite spelling of `hooks`: `true` is accepted (hooks already run), `false` skips them. */
  hook?: boolean;
  /** The transaction to join (default: the ambient one). */
  tx?: WriteQueue;
}

/** What a write method's last argument may be: a transaction (reference API) or options. */
export type TxOrWriteOptions = WriteQueue | WriteOptions;

/** Splits the last argument of a write into the explicit transaction and the hook switch. */
export function resolveWriteOptions(txOrOptions?: TxOrWriteOptions): { tx?: WriteQueue; hooks: boolean } {
  if (!txOrOptions) return { hooks: true };
  if (isWriteQueue(txOrOptions)) return { tx: txOrOptions, hooks: true };
  const options = txOrOptions as WriteOptions;
  return { tx: options.tx, hooks: (options.hooks ?? options.hook) !== false };
}
