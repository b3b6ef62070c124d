/** A comparable plain form: sets as sorted arrays, binaries as hex, instances as their JSON. */
export function canonical(value: unknown): unknown {
  if (value instanceof Set)
    return { $set: [...value].map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) };
  if (value instanceof Uint8Array) return { $bin: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    const plain = typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): object }).toJSON() : value;
    const entries = Object.entries(plain)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const keyOf = (row: Record<string, unknown>) => `${String(row.pk)}#${String(row.sk).padStart(6, "0")}`;

/** Rows as canonical objects, in their order. */
export const inOrder = (rows: unknown[]) => rows.map(canonical);

/** Rows as canonical objects, sorted by key (for reads without a defined order). */
export const asSet = (rows: unknown[]) =>
  (rows.map(canonical) as Array<Record<string, unknown>>)
    .map((row) => [`${keyOf(row)}|${JSON.stringify(row)}`, row] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, row]) => row);
