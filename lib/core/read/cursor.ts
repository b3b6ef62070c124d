import { hash } from "node:crypto";
import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

/** Where the next page starts: a stored key (Query/Scan) or an offset into the keys (key lookups). */
export type CursorPosition = { key: Record<string, unknown> } | { offset: number };

/** What a cursor is bound to: a cursor of another model, index or order is refused. */
export interface CursorScope {
  model: ModelMetadata;
  index?: string;
  order: "ASC" | "DESC";
  /** The stored columns a start key must have (table key plus the index key). */
  keyColumns: string[];
  /** Digest of the read's filters and order ({@link readDigest}): a cursor of another read is refused. */
  digest: string;
}

/** A key value in a cursor: S and N as JSON, B as base64 (JSON has no bytes). */
type CursorKeyValue = string | number | { B: string };

interface CursorPayload {
  m: string;
  t: string;
  i: string | null;
  o: "ASC" | "DESC";
  d: string;
  k?: Record<string, CursorKeyValue>;
  n?: number;
}

// an integrity check against hand-edited cursors, not a secret: cursors are not authorization
const checksum = (json: string) => hash("sha256", `dynamite-cursor:${json}`, "base64url").slice(0, 16);

/** An opaque base64url cursor: the position plus the model/table/index/order it belongs to. */
export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const payload: CursorPayload = {
    m: scope.model.name,
    t: scope.model.tableName,
    i: scope.index ?? null,
    o: scope.order,
    d: scope.digest,
  };
  if ("key" in position) payload.k = encodeKey(position.key);
  else payload.n = position.offset;
  const json = JSON.stringify(payload);
  return Buffer.from(JSON.stringify({ p: json, h: checksum(json) })).toString("base64url");
}

/** The position of a cursor made by `encodeCursor` for the same scope; anything else is a ValidationError. */
export function decodeCursor(scope: CursorScope, cursor: unknown): CursorPosition {
  const model = scope.model;
  const invalid = (why: string) =>
    ValidationError.of(
      model.name,
      "(cursor)",
      "cursor",
      `${why}; pass the cursor of the previous page of this same read, unchanged`,
    );
  if (typeof cursor !== "string" || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid("is not a cursor string");
  let payload: CursorPayload;
  try {
    const wrapper = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { p: string; h: string };
    if (typeof wrapper?.p !== "string" || wrapper.h !== checksum(wrapper.p)) throw new Error("checksum");
    payload = JSON.parse(wrapper.p) as CursorPayload;
  } catch (cause) {
    throw invalid(`was altered or is not a Dynamite cursor (${(cause as Error).message})`);
  }
  if (payload.m !== model.name || payload.t !== model.tableName)
    throw invalid(`belongs to ${payload.m} (table ${payload.t}), not ${model.name}`);
  if (payload.i !== (scope.index ?? null) || payload.o !== scope.order)
    throw invalid("belongs to a read on another index or in another order");
  if (payload.d !== scope.digest) throw invalid("belongs to a read with other filters");
  if (payload.n !== undefined) {
    if (!Number.isInteger(payload.n) || payload.n < 0) throw invalid("holds a bad offset");
    return { offset: payload.n };
  }
  const key = payload.k === undefined ? undefined : decodeKey(payload.k);
  // the same columns as the scope's (which are distinct), in any order
  const expected = scope.keyColumns;
  if (!key || Object.keys(key).length !== expected.length || !expected.every((column) => Object.hasOwn(key, column)))
    throw invalid("holds a key of another shape");
  return { key };
}

function encodeKey(key: Record<string, unknown>): Record<string, CursorKeyValue> {
  const encoded: Record<string, CursorKeyValue> = {};
  for (const [column, value] of Object.entries(key)) {
    encoded[column] = value instanceof Uint8Array ? { B: Buffer.from(value).toString("base64") } : (value as string | number);
  }
  return encoded;
}

/** The stored key of a cursor, or undefined when a value is not an S, N or B key value. */
function decodeKey(encoded: unknown): Record<string, unknown> | undefined {
  if (typeof encoded !== "object" || encoded === null || Array.isArray(encoded)) return undefined;
  const key: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(encoded)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) key[column] = value;
    else if (typeof value?.B === "string" && Object.keys(value).length === 1)
      key[column] = new Uint8Array(Buffer.from(value.B, "base64"));
    else return undefined;
  }
  return key;
}
