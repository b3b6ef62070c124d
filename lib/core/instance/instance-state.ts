/** Per-instance bookkeeping kept off the instance so it never shows in JSON or `Object.keys`. */
interface InstanceState {
  persisted: boolean;
  /** The stored item as last written or read, for dirty tracking. */
  snapshot: Record<string, unknown>;
}

const states = new WeakMap<object, InstanceState>();

export function isPersisted(instance: object): boolean {
  return states.get(instance)?.persisted ?? false;
}

export function snapshotOf(instance: object): Record<string, unknown> {
  return states.get(instance)?.snapshot ?? {};
}

export function markPersisted(instance: object, item: Record<string, unknown>): void {
  states.set(instance, { persisted: true, snapshot: snapshotCopy(item) });
}

/**
 * Like `markPersisted`, without the copy: for a stored item of scalars only, that nothing else will
 * change (a row just read), so the instance shares no object with it.
 */
export function adoptSnapshot(instance: object, item: Record<string, unknown>): void {
  states.set(instance, { persisted: true, snapshot: item });
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
  states.set(instance, { persisted: false, snapshot: {} });
}
