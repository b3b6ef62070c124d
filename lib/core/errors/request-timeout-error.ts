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

/**
 * The error a request of the client ends with: the SDK's TimeoutError (after its retries) becomes a
 * RequestTimeoutError naming the command; any other error is returned as it is. Applied by the
 * client's one middleware (`telemetry/telemetry-middleware`) to every command, the application's too.
 */
export function typedRequestError(error: unknown, commandName: unknown, requestTimeout: number | undefined): unknown {
  if ((error as Error)?.name !== "TimeoutError") return error;
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
  return new RequestTimeoutError(String(commandName ?? "A request"), requestTimeout, attempts, { cause: error });
}
