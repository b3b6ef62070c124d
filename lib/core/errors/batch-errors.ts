import { DynamiteError } from "./core-errors.js";

/** Rows a BatchWriteItem left unprocessed after every retry (or that failed their condition in insert-only mode). */
export class BatchWriteError extends DynamiteError {
  constructor(
    message: string,
    readonly model: string,
    /** The input rows that were NOT written, in input order. */
    readonly rows: Array<Record<string, unknown>>,
    /** Their stored primary keys, in the same order. */
    readonly keys: Array<Record<string, unknown>>,
    options?: { cause?: unknown; unconfirmedKeys?: Array<Record<string, unknown>> },
  ) {
    super(message, options);
    this.unconfirmedKeys = options?.unconfirmedKeys ?? [];
  }

  /**
   * Keys among `keys` whose request failed without an answer (connection lost): they may have been
   * written. Writing them again is safe (a BatchWriteItem put replaces the row with the same data).
   */
  readonly unconfirmedKeys: Array<Record<string, unknown>>;
}

/** Keys a BatchGetItem left unprocessed after every retry; nothing was returned. */
export class BatchGetError extends DynamiteError {
  constructor(
    message: string,
    readonly model: string,
    readonly keys: Array<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
