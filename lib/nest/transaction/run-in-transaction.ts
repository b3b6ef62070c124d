import { defer, from, isObservable, lastValueFrom, mergeMap, toArray, type Observable } from "rxjs";
import type { Dynamite, TxOptions } from "../../core/index.js";

// Subscribing inside the tx() callback runs the Observable's work (the handler) in the transaction's async context.
function collect<T>(values: Observable<T>): Promise<T[]> {
  return lastValueFrom(values.pipe(toArray()));
}

/**
 * An Observable that, when subscribed, subscribes to `source()` inside `dynamite.tx()`, holds its
 * values until it completes and the transaction commits, then emits them. An error (of the source
 * or of the commit) reaches the subscriber and nothing was written. The interceptor and
 * `@Transactional()` both run handlers through this.
 */
export function observeInTransaction<T>(
  dynamite: () => Dynamite,
  options: TxOptions,
  source: () => Observable<T>,
): Observable<T> {
  return defer(() => dynamite().tx(() => collect(source()), options)).pipe(mergeMap((values) => from(values)));
}

/** Runs a method whose result may be a value, a promise or an Observable inside `dynamite.tx()`; resolves to what Nest would send. */
export function settleInTransaction(dynamite: Dynamite, options: TxOptions, invoke: () => unknown): Promise<unknown> {
  return dynamite.tx(async () => {
    const value = await invoke();
    // A handler whose declared type is not Observable but returns one resolves to its last value (what Nest sends).
    return isObservable(value) ? (await collect(value)).at(-1) : value;
  }, options);
}
