import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The stored names of the key columns: partition first, then sort (derived once per model). */
function keyColumnsOf(model: ModelMetadata): string[] {
  return model.derived("keyColumns", (meta) => meta.keyProperties().map((property) => meta.columnOf(property)));
}

/** The stored primary key of a stored item (key columns only). */
export function keyOfItem(model: ModelMetadata, item: Record<string, unknown>): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const column of keyColumnsOf(model)) key[column] = item[column];
  return key;
}

/**
 * A key value as text, tagged with its type: a string "1" and a number 1 are different keys, and a
 * Buffer and a Uint8Array of the same bytes are the same one. A missing value reads as null.
 */
export function keyValueText(value: unknown): string {
  if (typeof value === "string") return `s${value}`;
  if (typeof value === "number" || typeof value === "bigint") return `n${value}`;
  if (value instanceof Uint8Array) return `b${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64")}`;
  return `j${JSON.stringify(value ?? null)}`;
}

/**
 * One string per stored key, whatever the order of its columns: each part is length-prefixed, so no
 * value, however crafted, reads as another key (two distinct keys never share an identity).
 */
export function keyIdentity(table: string, key: Record<string, unknown>): string {
  const columns = Object.keys(key);
  if (columns.length > 1) columns.sort();
  let id = `${table.length}:${table}`;
  for (const column of columns) {
    const text = keyValueText(key[column]);
    id += `|${column.length}:${column}${text.length}:${text}`;
  }
  return id;
}

/** The identity of a stored item's key within its model's table (the key columns of `item` only). */
export function keyId(model: ModelMetadata, item: Record<string, unknown>): string {
  const columns = keyColumnsOf(model);
  if (columns.length === 1) return keyValueText(item[columns[0]]); // the common case: one tagged text
  let id = "";
  for (const column of columns) {
    const text = keyValueText(item[column]);
    id += `${text.length}:${text}`;
  }
  return id;
}
