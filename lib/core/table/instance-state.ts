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
  states.set(instance, { persisted: true, snapshot: structuredClone(item) });
}

export function markGone(instance: object): void {
  states.set(instance, { persisted: false, snapshot: {} });
}
