import type { ModelMetadata } from "../metadata/model-metadata.js";
import { deepEqual } from "../support/deep-equal.js";
import type { ChangeType } from "./change-record.js";

type Item = Record<string, unknown>;

/**
 * Attributes (property names: declared ones in declaration order, then undecorated stored ones, which
 * reads also expose under their stored name) whose stored values differ between the images. When an
 * image the type needs is missing, every attribute that may have changed is reported (all declared ones
 * plus those of the known image), so a consumer filtering on `changed` never misses a change.
 */
export function changedAttributes(model: ModelMetadata, type: ChangeType, oldItem?: Item, newItem?: Item): string[] {
  const declared = [...model.attributes.values()].map((meta) => meta.column);
  const known = new Set(declared);
  const undeclared = [...new Set([...Object.keys(oldItem ?? {}), ...Object.keys(newItem ?? {})])]
    .filter((column) => !known.has(column))
    .sort();
  const columns = [...declared, ...undeclared];
  const exact = type === "insert" ? !!newItem : type === "remove" ? !!oldItem : !!oldItem && !!newItem;
  const differs = (column: string) => {
    if (!exact) return !(newItem ?? oldItem) || known.has(column) || column in (newItem ?? oldItem)!;
    const before = oldItem ?? {};
    const after = newItem ?? {};
    const had = Object.hasOwn(before, column);
    const has = Object.hasOwn(after, column);
    return had !== has || (has && !deepEqual(before[column], after[column]));
  };
  return columns.filter(differs).map((column) => model.propertyOfColumn(column));
}

/** Whether a modify put the row in the trash or took it out (`@DeleteAt`). */
export function trashTransition(
  model: ModelMetadata,
  oldItem?: Item,
  newItem?: Item,
): { softDeleted: boolean; restored: boolean } {
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
