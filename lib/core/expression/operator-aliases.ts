import { ValidationError } from "../errors/core-errors.js";
import type { Operator } from "./condition.js";

/**
 * The `$` operator spellings of @arcaelas/dynamite, as aliases of our operators: a filter written
 * `{ price: { $gt: 150 } }` is the clause `{ price: { ">": 150 } }`, checked and planned the same way.
 * `$exists`/`$notExists` take a boolean and become the `null` comparisons (attribute present/absent).
 */
const DOLLAR_OPERATORS = {
  $eq: "=",
  $ne: "!=",
  $gt: ">",
  $gte: ">=",
  $lt: "<",
  $lte: "<=",
  $in: "in",
  $nin: "not-in",
  $include: "contains",
  $contains: "contains",
  $beginsWith: "begins-with",
  $between: "between",
} as const satisfies Record<string, Operator>;

/** The `$` spellings accepted wherever an operator is (`where("price", "$gt", 150)`). */
export type DollarOperator = keyof typeof DOLLAR_OPERATORS | "$exists" | "$notExists";

/**
 * The operator and operand an alias stands for; anything else comes back unchanged (so the operator
 * check still names it). `$exists: true` is `!= null` (present), `$notExists: true` is `= null` (absent).
 */
export function canonicalOperator(model: string, property: string, op: unknown, value: unknown): { op: unknown; value: unknown } {
  if (typeof op !== "string" || !op.startsWith("$")) return { op, value };
  if (op === "$exists" || op === "$notExists") {
    if (typeof value !== "boolean") throw ValidationError.of(model, property, op, `"${op}" takes true or false`);
    return { op: (op === "$exists") === value ? "!=" : "=", value: null };
  }
  return { op: Object.hasOwn(DOLLAR_OPERATORS, op) ? DOLLAR_OPERATORS[op as keyof typeof DOLLAR_OPERATORS] : op, value };
}
