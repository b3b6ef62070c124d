import { DynamiteError } from "./core-errors.js";

/** A propagation mode was violated (MANDATORY without a transaction, NEVER inside one) or is unknown. */
export class TransactionPropagationError extends DynamiteError {
  constructor(
    message: string,
    /** The mode that was asked for, as given. */
    readonly propagation: unknown,
  ) {
    super(message);
  }
}
