import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The stored primary key of a stored item (key columns only). */
export function keyOfItem(model: ModelMetadata, item: Record<string, unknown>): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const property of model.keyProperties()) {
    const column = model.columnOf(property);
    key[column] = item[column];
  }
  return key;
}

/** A string identity of a stored key, stable whatever the order of its columns. */
export function keyId(model: ModelMetadata, item: Record<string, unknown>): string {
  return JSON.stringify(model.keyProperties().map((property) => item[model.columnOf(property)] ?? null));
}
