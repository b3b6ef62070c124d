import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamiteError } from "../errors.js";

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
 * The HTTP handler options that make `requestTimeout` a bound: the SDK's NodeHttpHandler only logs a
 * warning when a request exceeds it unless `throwOnRequestTimeout` is set.
 */
export function timeoutHandlerOptions(requestTimeout: number): { requestTimeout: number; throwOnRequestTimeout: true } {
  return { requestTimeout, throwOnRequestTimeout: true };
}

const MIDDLEWARE = "dynamiteRequestTimeout";

/** Turns the SDK's TimeoutError of any command of `client` (after its retries) into a RequestTimeoutError. */
export function typeRequestTimeouts(client: DynamoDBClient, requestTimeout: number | undefined): void {
  if (client.middlewareStack.identify().some((entry) => entry.startsWith(MIDDLEWARE))) return;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if ((error as Error)?.name !== "TimeoutError") throw error;
        const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
        throw new RequestTimeoutError(String(context.commandName ?? "A request"), requestTimeout, attempts, { cause: error });
      }
    },
    { step: "initialize", name: MIDDLEWARE },
  );
}
