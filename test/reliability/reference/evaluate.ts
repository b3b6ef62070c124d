import { compare, equal } from "./dynamo-compare.js";

/** A filter as users write it: attribute → value | array (in) | null | { operator: operand }. */
export type ReferenceFilters = Record<string, unknown>;
type Item = Record<string, unknown>;

const OPERATORS = new Set(["=", "!=", "<", "<=", ">", ">=", "in", "not-in", "contains", "begins-with", "between"]);

function isOperatorMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Set) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => OPERATORS.has(k))
  );
}

/** One comparison with DynamoDB's FilterExpression semantics (an absent attribute only satisfies <> and NOT IN). */
export function satisfies(actual: unknown, op: string, operand: unknown): boolean {
  if (operand === null && (op === "=" || op === "!=")) return op === "=" ? actual === undefined : actual !== undefined;
  if (actual === undefined) return op === "!=" || op === "not-in";
  const order = compare(actual, operand);
  switch (op) {
    case "=":
      return equal(actual, operand);
    case "!=":
      return !equal(actual, operand);
    case "<":
      return order !== undefined && order < 0;
    case "<=":
      return order !== undefined && order <= 0;
    case ">":
      return order !== undefined && order > 0;
    case ">=":
      return order !== undefined && order >= 0;
    case "between": {
      const [low, high] = operand as [unknown, unknown];
      const a = compare(actual, low);
      const b = compare(actual, high);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case "in":
      return (operand as unknown[]).some((candidate) => equal(actual, candidate));
    case "not-in":
      return !(operand as unknown[]).some((candidate) => equal(actual, candidate));
    case "begins-with":
      if (actual instanceof Uint8Array && operand instanceof Uint8Array)
        return Buffer.from(actual).subarray(0, operand.length).equals(Buffer.from(operand)) && actual.length >= operand.length;
      return typeof actual === "string" && typeof operand === "string" && actual.startsWith(operand);
    case "contains":
      if (typeof actual === "string") return typeof operand === "string" && actual.includes(operand);
      if (actual instanceof Set || Array.isArray(actual)) return [...actual].some((element) => equal(element, operand));
      return false;
    default:
      throw new Error(`reference: unknown operator ${op}`);
  }
}

/** True when the item matches every filter. */
export function matches(item: Item, filters: ReferenceFilters): boolean {
  return Object.entries(filters).every(([attribute, value]) => {
    if (Array.isArray(value)) return satisfies(item[attribute], "in", value);
    if (isOperatorMap(value)) return Object.entries(value).every(([op, operand]) => satisfies(item[attribute], op, operand));
    return satisfies(item[attribute], "=", value);
  });
}

export interface ReferenceRead {
  filters: ReferenceFilters;
  /** Sort key to order by (a Query); undefined: no defined order. */
  orderBy?: string;
  order?: "ASC" | "DESC";
  skip?: number;
  limit?: number;
  attributes?: string[];
}

/** What `where` must return: matching items, ordered when the read has a key order, sliced, projected. */
export function evaluate(items: Item[], read: ReferenceRead): Item[] {
  let rows = items.filter((item) => matches(item, read.filters));
  if (read.orderBy) {
    const by = read.orderBy;
    rows = [...rows].sort((a, b) => (compare(a[by], b[by]) ?? 0) * (read.order === "DESC" ? -1 : 1));
  }
  const start = read.skip ?? 0;
  rows = rows.slice(start, read.limit === undefined ? undefined : start + read.limit);
  return read.attributes ? rows.map((row) => project(row, read.attributes!)) : rows;
}

export function project(row: Item, attributes: string[]): Item {
  return Object.fromEntries(attributes.filter((a) => row[a] !== undefined).map((a) => [a, row[a]]));
}
