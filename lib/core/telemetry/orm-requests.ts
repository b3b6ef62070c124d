/** Inputs of the requests the engine sent (the SDK hands the same object to the middleware). */
const ormInputs = new WeakSet<object>();

/** True when the engine sent this request, not the application (through `getClient()`). */
export function isOrmRequest(input: unknown): boolean {
  return typeof input === "object" && input !== null && ormInputs.has(input);
}

/**
 * Marks the input of a request the engine is about to send (`engine/send-request`), so the
 * telemetry middleware, which every request of the client passes, can tell the engine's requests
 * from the application's without an async context (on Node 20/22 an enabled AsyncLocalStorage
 * taxes every promise of the process).
 */
export function markOrmRequest<I extends object>(input: I): I {
  ormInputs.add(input);
  return input;
}
