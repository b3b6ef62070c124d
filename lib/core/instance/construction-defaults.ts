import type { ModelMetadata } from "../metadata/model-metadata.js";
import { hasModelMetadata, metadataFor } from "../metadata/registry.js";
import { ulid } from "../support/ulid.js";
import { assignInput } from "../metadata/instance-api-names.js";
import { nowIso } from "./instance-data.js";

/**
 * Fills what a new row gets when left undefined: `@Default` values, a ULID for a string partition
 * key without a default (a given value or a `@Default` wins), and the creation timestamps.
 */
export function applyDefaultValues(model: ModelMetadata, instance: Record<string, unknown>): void {
  const now = nowIso();
  for (const [property, attribute] of model.attributes) {
    if (attribute.version || instance[property] !== undefined) continue;
    if (attribute.hasDefault) {
      const value = attribute.defaultValue;
      instance[property] = typeof value === "function" ? (value as () => unknown)() : structuredClone(value);
    } else if (property === model.partitionKey && model.keyTypeOf(property) === "S") {
      instance[property] = ulid();
    } else if (attribute.timestamp === "createdAt" || attribute.timestamp === "updatedAt") {
      instance[property] = now;
    }
  }
}

/** What `new Model(data)` does: assigns the data, then the defaults of a new row (`new User({}).id` is set). */
export function constructInstance(instance: object, data: object | undefined): void {
  if (data) assignInput(instance, data);
  const target = instance.constructor;
  const parent = Object.getPrototypeOf(target) as Function | null;
  if (!hasModelMetadata(target) && !(parent && hasModelMetadata(parent))) return;
  const model = metadataFor(target);
  if (model.partitionKey) applyDefaultValues(model, instance as Record<string, unknown>);
}
