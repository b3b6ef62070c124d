/**
 * The mark on the input of a request the engine sent. A symbol-keyed property rather than a WeakSet
 * entry: adding to a WeakSet on every request cost ~2.6 µs on Node 24 (its ephemeron table), a
 * property ~0. JSON, `Object.keys` and the SDK's serializers (which read the operation's schema
 * members) never see a symbol key.
 */
const ORM_REQUEST = Symbol("nestjs-dynamite.ormRequest");

/** True when the engine sent this request, not the application (through `getClient()`). */
export function isOrmRequest(input: unknown): boolean {
  return typeof input === "object" && input !== null && (input as { [ORM_REQUEST]?: true })[ORM_REQUEST] === true;
}

/**
 * Marks the input of a request the engine is about to send (`engine/send-request`), so the
 * telemetry middleware, which every request of the client passes, can tell the engine's requests
 * from the application's without an async context (on Node 20/22 an enabled AsyncLocalStorage
 * taxes every promise of the process).
 */
export function markOrmRequest<I extends object>(input: I): I {
  (input as { [ORM_REQUEST]?: true })[ORM_REQUEST] = true;
  return input;
}
