import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Inputs of the requests the engine sent (the SDK hands the same object to the middleware). */
const ormInputs = new WeakSet<object>();

/** True when the engine sent this request (through its document client), not the application. */
export function isOrmRequest(input: unknown): boolean {
  return typeof input === "object" && input !== null && ormInputs.has(input);
}

/**
 * Makes `doc` (the engine's document client) mark the input of every command it sends, so the
 * telemetry middleware, which it shares with the raw client, can tell the engine's requests from
 * the ones the application sends through `getClient()` without an async context (on Node 20/22 an
 * enabled AsyncLocalStorage taxes every promise of the process).
 */
export function markEngineSends<D extends DynamoDBDocumentClient>(doc: D): D {
  const send = doc.send.bind(doc) as (...args: unknown[]) => unknown;
  (doc as { send: unknown }).send = (...args: unknown[]) => {
    const input = (args[0] as { input?: unknown } | undefined)?.input;
    if (typeof input === "object" && input !== null) ormInputs.add(input);
    return send(...args);
  };
  return doc;
}
