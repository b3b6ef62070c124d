import type { ModelMetadata } from "../metadata/model-metadata.js";
import { deepEqual } from "../table/deep-equal.js";
import type { ChangeType } from "./change-record.js";

type Item = Record<string, unknown>;

/**
 * Declared attributes (property names, declaration order) whose stored values differ between the images.
 * When an image the type needs is missing, every declared attribute present in what is known is reported
 * (all of them when nothing is known), so a consumer filtering on `changed` never misses a change.
 */
export function changedAttributes(model: ModelMetadata, type: ChangeType, oldItem?: Item, newItem?: Item): string[] {
  const attributes = [...model.attributes.values()];
  const exact = type === "insert" ? !!newItem : type === "remove" ? !!oldItem : !!oldItem && !!newItem;
  if (!exact) {
    const known = newItem ?? oldItem;
    return attributes.filter((meta) => !known || meta.column in known).map((meta) => meta.property);
  }
  const before = oldItem ?? {};
  const after = newItem ?? {};
  return attributes
    .filter((meta) => {
      const had = Object.hasOwn(before, meta.column);
      const has = Object.hasOwn(after, meta.column);
      return had !== has || (has && !deepEqual(before[meta.column], after[meta.column]));
    })
    .map((meta) => meta.property);
}

/** Whether a modify put the row in the trash or took it out (`@DeleteAt`). */
export function trashTransition(model: ModelMetadata, oldItem?: Item, newItem?: Item): { softDeleted: boolean; restored: boolean } {
  const property = model.timestampProperty("deletedAt");
  if (!property) return { softDeleted: false, restored: false };
  const column = model.columnOf(property);
  const trashed = (item?: Item) => item?.[column] !== undefined && item?.[column] !== null;
  return {
    // without the old image, a trashed new image counts as the soft delete (at-least-once handlers are idempotent anyway)
    softDeleted: trashed(newItem) && !trashed(oldItem),
    restored: !!oldItem && !!newItem && trashed(oldItem) && !trashed(newItem),
  };
}
