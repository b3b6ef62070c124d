import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toStoredValue } from "../item/item-codec.js";
import { extractKey } from "../item/validate-key.js";
import { deepEqual } from "../support/deep-equal.js";
import { attributeValues } from "./instance-data.js";
import { isPersisted, snapshotOf } from "./instance-state.js";

/**
 * The key an instance write addresses. A persisted instance writes to the key it was read or
 * inserted with (its snapshot), never to what its key attributes hold now: reassigning one is a
 * ValidationError before any request, so a write can never land on another row.
 */
export function writeKeyOf(model: ModelMetadata, instance: object): Record<string, unknown> {
  if (!isPersisted(instance)) return extractKey(model, attributeValues(model, instance));
  const snapshot = snapshotOf(instance);
  const values = instance as Record<string, unknown>;
  const key: Record<string, unknown> = {};
  for (const property of model.keyProperties()) {
    const column = model.columnOf(property);
    if (!deepEqual(toStoredValue(model.attributes.get(property), values[property]), snapshot[column])) {
      throw reassignedKey(model, property);
    }
    key[column] = snapshot[column];
  }
  return key;
}

/** Refuses a patch that would move a persisted instance to another key (checked before it is assigned). */
export function assertKeyKept(model: ModelMetadata, instance: object, patch: Record<string, unknown>): void {
  if (!isPersisted(instance)) return;
  const snapshot = snapshotOf(instance);
  for (const property of model.keyProperties()) {
    if (!Object.hasOwn(patch, property)) continue;
    const stored = toStoredValue(model.attributes.get(property), patch[property]);
    if (!deepEqual(stored, snapshot[model.columnOf(property)])) throw reassignedKey(model, property);
  }
}

function reassignedKey(model: ModelMetadata, property: string): ValidationError {
  return ValidationError.of(
    model.name,
    property,
    "immutableKey",
    "is part of the primary key and cannot change; create a new row instead",
  );
}
