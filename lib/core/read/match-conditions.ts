import type { Condition } from "../expression/condition.js";
import { deepEqual } from "../support/deep-equal.js";

type Item = Record<string, unknown>;

/**
 * Evaluates conditions on a stored item the way a FilterExpression would. Used only on the few
 * items a GetItem/BatchGetItem returned (those requests take no FilterExpression), so a key
 * lookup never turns into a Query or Scan just because a soft-delete or extra filter is present.
 */
export function matchesAll(item: Item, conditions: Condition[]): boolean {
  return conditions.every((condition) => matches(item, condition));
}

function matches(item: Item, { column, op, value, orMissing }: Condition): boolean {
  const actual = item[column];
  if (orMissing && actual === undefined) return true;
  if (value === null && (op === "=" || op === "!=")) return op === "=" ? actual === undefined : actual !== undefined;
  if (actual === undefined) return op === "!=" || op === "not-in";
  switch (op) {
    case "=":
      return deepEqual(actual, value);
    case "!=":
      return !deepEqual(actual, value);
    case "<":
      return (order(actual, value) ?? 0) < 0;
    case "<=":
      return (order(actual, value) ?? 1) <= 0;
    case ">":
      return (order(actual, value) ?? 0) > 0;
    case ">=":
      return (order(actual, value) ?? -1) >= 0;
    case "between": {
      const [low, high] = value as [unknown, unknown];
      return (order(actual, low) ?? -1) >= 0 && (order(actual, high) ?? 1) <= 0;
    }
    case "begins-with":
      if (actual instanceof Uint8Array && value instanceof Uint8Array)
        return Buffer.from(actual).subarray(0, value.length).equals(value);
      return typeof actual === "string" && typeof value === "string" && actual.startsWith(value);
    case "contains":
      return contains(actual, value);
    case "in":
      return (value as unknown[]).some((candidate) => deepEqual(actual, candidate));
    case "not-in":
      return !(value as unknown[]).some((candidate) => deepEqual(actual, candidate));
  }
}

/**
 * DynamoDB orders numbers numerically, strings by their UTF-8 bytes (JavaScript's `<` uses UTF-16
 * code units, which disagrees for characters above U+FFFF) and binaries byte by byte; other pairs
 * are not ordered (undefined).
 */
export function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  if (typeof a === "string" && typeof b === "string") return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  return undefined;
}

function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === "string") return typeof value === "string" && actual.includes(value);
  if (actual instanceof Set) return actual.has(value);
  if (Array.isArray(actual)) return actual.some((element) => deepEqual(element, value));
  return false;
}
