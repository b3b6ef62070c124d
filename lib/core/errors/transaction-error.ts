import { DynamiteError } from "./core-errors.js";

/** Why one action of a cancelled transaction failed, mapped back to its model and key. */
export interface TransactionReason {
  /** Position of the action in the TransactWriteItems request. */
  index: number;
  model: string;
  key: Record<string, unknown>;
  /** DynamoDB's cancellation code: ConditionalCheckFailed, TransactionConflict, ValidationError, None, … */
  code: string;
  message?: string;
}

/** A transaction that was refused before sending (limits, unmergeable writes) or cancelled by DynamoDB. */
export class TransactionError extends DynamiteError {
  constructor(
    message: string,
    /** One entry per action when DynamoDB cancelled the transaction; empty when refused before sending. */
    readonly reasons: TransactionReason[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when at least one action failed its condition (a 409 for HTTP clients). */
  get conditionFailed(): boolean {
    return this.reasons.some((reason) => reason.code === "ConditionalCheckFailed");
  }
}
