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
  const columns = model.derived("keyColumns", keyColumnsOf);
  if (columns.length === 1) {
    const value = item[columns[0]];
    // a string key (the common case) without JSON; "s" never starts a JSON array, so ids stay distinct
    return typeof value === "string" ? `s${value}` : JSON.stringify([value ?? null]);
  }
  return JSON.stringify(columns.map((column) => item[column] ?? null));
}

function keyColumnsOf(model: ModelMetadata): string[] {
  return model.keyProperties().map((property) => model.columnOf(property));
}
