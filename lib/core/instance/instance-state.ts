/**
 * Per-instance bookkeeping, never shown: a non-enumerable symbol-keyed property, so it is not in
 * JSON, `Object.keys`, spreads, `structuredClone` or Jest's equality. A property rather than a
 * WeakMap entry: setting one on every read row costs about a third (a WeakMap's ephemerons are also
 * work for every GC). An instance that cannot take a property (frozen) keeps its state in a WeakMap.
 */
interface InstanceState {
  persisted: boolean;
  /** The stored item as last written or read, for dirty tracking. */
  snapshot: Record<string, unknown>;
}

const STATE = Symbol("dynamite.instanceState");
const frozenStates = new WeakMap<object, InstanceState>();

function stateOf(instance: object): InstanceState | undefined {
  return Object.hasOwn(instance, STATE) ? (instance as Record<symbol, InstanceState>)[STATE] : frozenStates.get(instance);
}

/**
 * The property holds one state object for the instance's life and only its fields change, so an
 * instance frozen after it was read or written (freezing is shallow) still records its writes.
 */
function setState(instance: object, persisted: boolean, snapshot: Record<string, unknown>): void {
  const state = stateOf(instance);
  if (state) {
    state.persisted = persisted;
    state.snapshot = snapshot;
  } else if (Object.isExtensible(instance)) {
    Object.defineProperty(instance, STATE, { value: { persisted, snapshot }, enumerable: false });
  } else {
    frozenStates.set(instance, { persisted, snapshot });
  }
}

export function isPersisted(instance: object): boolean {
  return stateOf(instance)?.persisted ?? false;
}

export function snapshotOf(instance: object): Record<string, unknown> {
  return stateOf(instance)?.snapshot ?? {};
}

export function markPersisted(instance: object, item: Record<string, unknown>): void {
  setState(instance, true, snapshotCopy(item));
}

/**
 * Like `markPersisted`, without the copy: for a stored item of scalars only, that nothing else will
 * change (a row just read), so the instance shares no object with it.
 */
export function adoptSnapshot(instance: object, item: Record<string, unknown>): void {
  setState(instance, true, item);
}

/**
 * A copy the instance cannot change behind our back: nested maps, lists, sets and binaries may be
 * shared with the instance's own values, so they are cloned; scalars need no copy (hot path of every read).
 */
function snapshotCopy(item: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in item) {
    const value = item[key];
    copy[key] = typeof value === "object" && value !== null ? structuredClone(value) : value;
  }
  return copy;
}

export function markGone(instance: object): void {
  setState(instance, false, {});
}
