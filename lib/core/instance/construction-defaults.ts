import type { AttributeMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { hasModelMetadata, metadataFor, registeredMetadata } from "../metadata/registry.js";
import { ulid } from "../support/ulid.js";
import { assignInput } from "../metadata/instance-api-names.js";
import { nowIso } from "./instance-data.js";

/**
 * Fills what a new row gets when left undefined: `@Default` values, a ULID for a string partition
 * key without a default (a given value or a `@Default` wins), and the creation timestamps.
 */
export function applyDefaultValues(model: ModelMetadata, instance: Record<string, unknown>): void {
  let now: string | undefined;
  for (const { property, fill, attribute } of model.derived("defaults", defaultsOf)) {
    if (instance[property] !== undefined) continue;
    if (fill === "default") {
      const value = attribute.defaultValue;
      instance[property] = typeof value === "function" ? (value as () => unknown)() : structuredClone(value);
    } else if (fill === "ulid") {
      instance[property] = ulid();
    } else {
      instance[property] = now ??= nowIso();
    }
  }
}

/** The attributes a new row may get a value for, and how (in declaration order). */
function defaultsOf(
  model: ModelMetadata,
): Array<{ property: string; attribute: AttributeMetadata; fill: "default" | "ulid" | "timestamp" }> {
  const defaults = [];
  for (const [property, attribute] of model.attributes) {
    if (attribute.version) continue;
    if (attribute.hasDefault) defaults.push({ property, attribute, fill: "default" as const });
    else if (property === model.partitionKey && model.keyTypeOf(property) === "S")
      defaults.push({ property, attribute, fill: "ulid" as const });
    else if (attribute.timestamp === "createdAt" || attribute.timestamp === "updatedAt")
      defaults.push({ property, attribute, fill: "timestamp" as const });
  }
  return defaults;
}

/** What `new Model(data)` does: assigns the data, then the defaults of a new row (`new User({}).id` is set). */
export function constructInstance(instance: object, data: object | undefined): void {
  if (data) assignInput(instance, data);
  const target = instance.constructor;
  let model = registeredMetadata(target);
  if (!model) {
    // a subclass without decorators of its own: it inherits its parent's metadata on first use
    const parent = Object.getPrototypeOf(target) as Function | null;
    if (!(parent && hasModelMetadata(parent))) return;
    model = metadataFor(target);
  }
  if (model.partitionKey) applyDefaultValues(model, instance as Record<string, unknown>);
}
