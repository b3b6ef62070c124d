import type { ModelMetadata } from "../metadata/model-metadata.js";
import { fromStoredValue, toStoredValue } from "../item/item-codec.js";

/**
 * The snapshot as the instance shows it: a `@Get` attribute is compared through its view, so a row
 * read and saved unchanged sends nothing for it.
 */
export function comparableSnapshot(model: ModelMetadata, snapshot: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const attribute of model.attributes.values()) {
    if (!attribute.view || snapshot[attribute.column] === undefined) continue;
    copy ??= { ...snapshot };
    copy[attribute.column] = toStoredValue(attribute, fromStoredValue(attribute, snapshot[attribute.column]));
  }
  return copy ?? snapshot;
}

/** After a write, `@Get` attributes show the written value through their view (as a read would). */
export function showWritten(model: ModelMetadata, instance: object, item: Record<string, unknown>): void {
  for (const attribute of model.attributes.values()) {
    if (attribute.view && item[attribute.column] !== undefined) {
      (instance as Record<string, unknown>)[attribute.property] = fromStoredValue(attribute, item[attribute.column]);
    }
  }
}
