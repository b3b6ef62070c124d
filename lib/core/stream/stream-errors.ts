import { DynamiteError } from "../errors.js";

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
