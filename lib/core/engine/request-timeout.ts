import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { RequestTimeoutError } from "../errors/request-timeout-error.js";

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
    // not an async function: one promise fewer on every request
    (next, context) => (args) =>
      next(args).catch((error: unknown) => {
        if ((error as Error)?.name !== "TimeoutError") throw error;
        const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
        throw new RequestTimeoutError(String(context.commandName ?? "A request"), requestTimeout, attempts, { cause: error });
      }),
    { step: "initialize", name: MIDDLEWARE },
  );
}
