import type { Condition } from "../expression/condition.js";
import { deepEqual } from "../table/deep-equal.js";

type Item = Record<string, unknown>;

/**
 * Evaluates conditions on a stored item the way a FilterExpression would. Used only on the few
 * items a GetItem/BatchGetItem returned (those requests take no FilterExpression), so a key
 * lookup never turns into a Query or Scan just because a soft-delete or extra filter is present.
 */
export function matchesAll(item: Item, conditions: Condition[]): boolean {
  return conditions.every((condition) => matches(item, condition));
}

function matches(item: Item, { column, op, value }: Condition): boolean {
  const actual = item[column];
  if (value === null && (op === "=" || op === "!=")) return op === "=" ? actual === undefined : actual !== undefined;
  if (actual === undefined) return op === "!=" || op === "not-in";
  switch (op) {
    case "=":
      return deepEqual(actual, value);
    case "!=":
      return !deepEqual(actual, value);
    case "<":
      return comparable(actual, value) && (actual as never) < (value as never);
    case "<=":
      return comparable(actual, value) && (actual as never) <= (value as never);
    case ">":
      return comparable(actual, value) && (actual as never) > (value as never);
    case ">=":
      return comparable(actual, value) && (actual as never) >= (value as never);
    case "between": {
      const [low, high] = value as [unknown, unknown];
      return comparable(actual, low) && comparable(actual, high) && (actual as never) >= (low as never) && (actual as never) <= (high as never);
    }
    case "begins-with":
      return typeof actual === "string" && typeof value === "string" && actual.startsWith(value);
    case "contains":
      return contains(actual, value);
    case "in":
      return (value as unknown[]).some((candidate) => deepEqual(actual, candidate));
    case "not-in":
      return !(value as unknown[]).some((candidate) => deepEqual(actual, candidate));
  }
}

/** DynamoDB compares only numbers with numbers and strings with strings. */
function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
}

function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === "string") return typeof value === "string" && actual.includes(value);
  if (actual instanceof Set) return actual.has(value);
  if (Array.isArray(actual)) return actual.some((element) => deepEqual(element, value));
  return false;
}
