import type { Propagation } from "../../core/index.js";

/** Options of `@Transactional()`. */
export interface TransactionalOptions {
  /** The connection whose `tx()` runs the method (default connection when omitted). */
  connection?: string;
  /** How to relate to a transaction already open (default `REQUIRED`); `NOT_SUPPORTED` opts a handler out of a global interceptor. */
  propagation?: Propagation;
}

const TRANSACTIONAL = Symbol.for("nestjs-dynamite:transactional");

/** Marks a wrapped method with its options (the interceptor leaves such handlers to their own wrapper). */
export function markTransactional(method: Function, options: TransactionalOptions): void {
  Object.defineProperty(method, TRANSACTIONAL, { value: options });
}

/** The `@Transactional()` options of a (wrapped) method, if it has them. */
export function transactionalOptionsOf(method: Function | undefined): TransactionalOptions | undefined {
  return (method as { [TRANSACTIONAL]?: TransactionalOptions } | undefined)?.[TRANSACTIONAL];
}
