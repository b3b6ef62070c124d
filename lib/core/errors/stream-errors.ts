import { DynamiteError } from "./core-errors.js";

/** A stream record could not be turned into a typed change (malformed, or of a table no model maps). */
export class StreamRecordError extends DynamiteError {
  constructor(
    message: string,
    readonly details: { model?: string; table?: string; eventId?: string; sequenceNumber?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An event cannot go into the outbox (its payload is not JSON, or too large for one row); nothing was written. */
export class OutboxError extends DynamiteError {
  constructor(
    message: string,
    readonly event: { id?: string; name?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
