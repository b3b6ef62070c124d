import { ValidationError } from "../errors/core-errors.js";

export const OPERATORS = ["=", "!=", "<", "<=", ">", ">=", "in", "not-in", "contains", "begins-with", "between"] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Operator spellings that are refused with the operator to write instead (other ORMs' `gte`, Mongo's
 * `$regex`…), never compared as a literal map value. The `$` aliases that are accepted (`$gt`,
 * `$in`, `$exists`…) are translated before this check by `operator-aliases.ts`.
 */
const FOREIGN_SPELLINGS: Record<string, string> = {
  $startsWith: "begins-with",
  $not: "the opposite operator",
  $and: "several attributes in one filter object (they are ANDed)",
  $or: "several reads",
  $regex: "begins-with or contains",
  $size: "a stored counter attribute",
  $type: "a filter on the stored value",
  eq: "=",
  ne: "!=",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "begins-with or contains",
  notIn: "not-in",
  nin: "not-in",
  beginsWith: "begins-with",
  startsWith: "begins-with",
};

export function isOperator(op: unknown): op is Operator {
  return typeof op === "string" && (OPERATORS as readonly string[]).includes(op);
}

/**
 * True when a filter object key is meant as an operator: an operator, a foreign spelling, or any key
 * starting with `$` or a symbol (so a typo such as `">=="` or `"$gtt"` is refused, not compared as a map).
 */
export function looksLikeOperator(key: string): boolean {
  return isOperator(key) || Object.hasOwn(FOREIGN_SPELLINGS, key) || /^[^A-Za-z0-9_]/.test(key);
}

/** The operator a spelling names; a ValidationError (with the operator to use instead) for anything else. */
export function operatorOf(model: string, property: string, op: unknown): Operator {
  if (isOperator(op)) return op;
  const spelling = String(op);
  const instead = typeof op === "string" && Object.hasOwn(FOREIGN_SPELLINGS, op) ? FOREIGN_SPELLINGS[op] : undefined;
  const hint = instead
    ? `; ${spelling.startsWith("$") ? "this Mongo-style" : "this"} spelling is not supported, write ${instead}`
    : "";
  throw ValidationError.of(
    model,
    property,
    "operator",
    `unknown operator ${JSON.stringify(op ?? spelling)}${hint}; use one of ${OPERATORS.join(" ")}`,
  );
}
