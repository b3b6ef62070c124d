import { hash } from "node:crypto";
import type { FilterClause } from "./query-types.js";

/**
 * A digest of what decides which rows a paged read returns and in which order: its filters (as
 * normalized clauses, whatever order they were written in) and its order. Two reads with the same
 * digest page through the same rows, so a cursor may pass from one to the other.
 */
export function readDigest(clauses: FilterClause[], order: string): string {
  // the text of canonical({ order, filters: sorted canonical([property, op, value]) }), written out
  // (cursors made by earlier versions keep their digest; test/unit/read-digest.spec.ts holds them equal)
  const parts: string[] = [];
  for (const clause of clauses) {
    parts.push(`[${JSON.stringify(clause.property)},${JSON.stringify(clause.op)},${canonical(clause.value)}]`);
  }
  parts.sort();
  let filters = "";
  for (const part of parts) filters += (filters ? "," : "") + JSON.stringify(part);
  return hash("sha256", `{"filters":[${filters}],"order":${JSON.stringify(order)}}`, "base64url").slice(0, 16);
}

/** A JSON text of any filter value in which equal values read the same (map keys sorted; sets, dates and bytes tagged). */
export function canonical(value: unknown): string {
  if (value === undefined) return "u";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? String(value);
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString("base64")}`;
  if (value instanceof Date) return `d:${value.toISOString()}`;
  if (value instanceof Set) return `s:[${[...value].map(canonical).sort().join(",")}]`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}
