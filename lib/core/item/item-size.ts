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

/** The stored size of an item by DynamoDB's rules. */
export function mapSize(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const name in item) bytes += Buffer.byteLength(name) + sizeOf(item[name]) + 1;
  return bytes;
}

/**
 * A bound `sizeOf` never exceeds, without encoding anything: a UTF-16 code unit is at most 3 UTF-8
 * bytes, a number at most 21. Items far below the limit (nearly all) are passed on this bound alone.
 */
export function sizeBound(value: unknown): number {
  if (typeof value === "string") return 3 * value.length;
  if (typeof value === "number" || typeof value === "bigint") return 21;
  if (value === null || value === undefined || typeof value === "boolean") return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) {
    let bytes = 3;
    for (const entry of value) bytes += sizeBound(entry) + 1;
    return bytes;
  }
  if (value instanceof Set) {
    let bytes = 3;
    for (const entry of value) bytes += sizeBound(entry) + 1;
    return bytes;
  }
  if (typeof value === "object") return 3 + mapBound(value as Record<string, unknown>);
  return sizeOf(value);
}

/** An upper bound of an item's stored size (see `sizeBound`); exported for its property test. */
export function mapBound(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const name in item) bytes += 3 * name.length + sizeBound(item[name]) + 1;
  return bytes;
}

/** Refuses, before any request, an item DynamoDB would reject for its size. */
export function assertItemSize(model: ModelMetadata, item: Record<string, unknown>): void {
  if (mapBound(item) <= MAX_ITEM_BYTES) return;
  const bytes = mapSize(item);
  if (bytes <= MAX_ITEM_BYTES) return;
  throw ValidationError.of(
    model.name,
    "(item)",
    "itemSize",
    `is about ${Math.ceil(bytes / 1024)} KB stored; DynamoDB items are at most 400 KB. Move large values elsewhere (e.g. S3) and store a reference`,
  );
}
