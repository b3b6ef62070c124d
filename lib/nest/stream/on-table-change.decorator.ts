import type { ChangeRecord, ModelClass } from "../../core/index.js";

/** What a handler listens to: the record types, plus soft deletes and restores (which are modifies). */
export type TableChangeEvent = "insert" | "modify" | "remove" | "softDelete" | "restore";

export interface OnTableChangeOptions {
  /** Default: every change. `"modify"` includes soft deletes and restores; `"softDelete"`/`"restore"` select only those. */
  events?: TableChangeEvent[];
}

/** One `@OnTableChange` of one method, as recorded on it. */
export interface TableChangeSubscription {
  model: ModelClass;
  events?: ReadonlySet<TableChangeEvent>;
}

export const TABLE_CHANGE_METADATA = "dynamite:onTableChange";

const EVENTS: readonly TableChangeEvent[] = ["insert", "modify", "remove", "softDelete", "restore"];

/**
 * Runs the provider method for each change of `model`'s table (`ChangeRecord<M>` as its argument),
 * delivered by `DynamiteStreamModule` (polling or a Lambda event). At-least-once: make it idempotent.
 * @example @OnTableChange(Product, { events: ["modify"] }) onProduct(change: ChangeRecord<Product>) {}
 */
export function OnTableChange(model: ModelClass, options: OnTableChangeOptions = {}): MethodDecorator {
  if (typeof model !== "function") throw new TypeError(`@OnTableChange(model) needs a model class, not ${String(model)}`);
  const events: unknown = options?.events ?? [];
  if (!Array.isArray(events) || events.some((event) => !EVENTS.includes(event as TableChangeEvent))) {
    throw new TypeError(
      `@OnTableChange(${model.name}): events must be some of ${EVENTS.join(", ")}; got ${JSON.stringify(options.events)}`,
    );
  }
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const previous = (Reflect.getMetadata(TABLE_CHANGE_METADATA, method) as TableChangeSubscription[] | undefined) ?? [];
    const subscription = { model, ...(options.events && { events: new Set(options.events) }) };
    Reflect.defineMetadata(TABLE_CHANGE_METADATA, [...previous, subscription], method);
    return descriptor;
  };
}

/** Whether a subscription wants a change. */
export function wants(subscription: TableChangeSubscription, change: ChangeRecord): boolean {
  if (subscription.model !== change.model) return false;
  const events = subscription.events;
  if (!events) return true;
  return (
    events.has(change.type) || (change.softDeleted && events.has("softDelete")) || (change.restored && events.has("restore"))
  );
}
