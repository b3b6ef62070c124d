/**
 * DynamoDB's comparison rules, written independently of lib/core: numbers compare numerically,
 * strings by their UTF-8 bytes (not JavaScript's UTF-16 order), binaries byte by byte; values of
 * different types are never <, >, = to each other.
 */
export type Scalar = string | number | Uint8Array;

function kind(value: unknown): "S" | "N" | "B" | undefined {
  if (typeof value === "string") return "S";
  if (typeof value === "number") return "N";
  if (value instanceof Uint8Array) return "B";
  return undefined;
}

/** -1/0/1, or undefined when DynamoDB would not order the two values. */
export function compare(a: unknown, b: unknown): number | undefined {
  const type = kind(a);
  if (!type || type !== kind(b)) return undefined;
  if (type === "N") return Math.sign((a as number) - (b as number));
  const left = type === "S" ? Buffer.from(a as string, "utf8") : Buffer.from(a as Uint8Array);
  const right = type === "S" ? Buffer.from(b as string, "utf8") : Buffer.from(b as Uint8Array);
  return Buffer.compare(left, right);
}

/** Structural equality of stored values (sets ignore order). */
export function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((x) => [...b].some((y) => equal(x, y)));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
  }
  return a === b;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Set) &&
    !(value instanceof Uint8Array)
  );
}
