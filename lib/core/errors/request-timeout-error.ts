import { DynamiteError } from "./core-errors.js";

/**
 * A request got no answer within `requestTimeout` on any of its attempts (the endpoint accepted
 * the connection but never answered). Whether a write was applied is unknown; `cause` is the
 * SDK's last TimeoutError.
 */
export class RequestTimeoutError extends DynamiteError {
  constructor(
    readonly command: string,
    readonly requestTimeout: number | undefined,
    readonly attempts: number | undefined,
    options: { cause: unknown },
  ) {
    super(
      `${command} got no answer within requestTimeout ${requestTimeout ?? "?"} ms` +
        `${attempts ? ` on ${attempts} attempt(s)` : ""}; the endpoint accepted the connection but did not respond. ` +
        "A write may or may not have been applied.",
      options,
    );
  }
}
