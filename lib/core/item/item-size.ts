import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

import { MAX_ITEM_BYTES } from "./limits.js";

/** Stored size of a value by DynamoDB's rules (UTF-8 bytes; numbers ~1 byte per 2 digits, at most 21). */
export function sizeOf(value: unknown): number {
  if (value === null || value === undefined || typeof value === "boolean") return 1;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number" || typeof value === "bigint")
    return Math.min(21, Math.ceil(String(value).replace(/[-.]|e.*$/g, "").length / 2) + 1);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set || Array.isArray(value)) return 3 + [...value].reduce((sum: number, v) => sum + sizeOf(v) + 1, 0);
  if (typeof value === "object") return 3 + mapSize(value as Record<string, unknown>);
  return Buffer.byteLength(String(value));
}

function mapSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + sizeOf(value) + 1, 0);
}

/** Refuses, before any request, an item DynamoDB would reject for its size. */
export function assertItemSize(model: ModelMetadata, item: Record<string, unknown>): void {
  const bytes = mapSize(item);
  if (bytes <= MAX_ITEM_BYTES) return;
  throw ValidationError.of(
    model.name,
    "(item)",
    "itemSize",
    `is about ${Math.ceil(bytes / 1024)} KB stored; DynamoDB items are at most 400 KB. Move large values elsewhere (e.g. S3) and store a reference`,
  );
}
