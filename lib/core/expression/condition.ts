import { ValidationError } from "../errors/core-errors.js";
import type { ExpressionBuilder } from "./expression-builder.js";

export const OPERATORS = ["=", "!=", "<", "<=", ">", ">=", "in", "not-in", "contains", "begins-with", "between"] as const;
export type Operator = (typeof OPERATORS)[number];

/** One comparison on one stored attribute; values are already in stored form. */
export interface Condition {
  /** Stored attribute name. */
  column: string;
  op: Operator;
  value: unknown;
  /** Also true when the attribute is absent (e.g. the TTL scope: no expiry means never expired). */
  orMissing?: boolean;
}

/** DynamoDB allows at most 100 operands in one IN list. */
const MAX_IN_OPERANDS = 100;

export function isOperator(op: unknown): op is Operator {
  return typeof op === "string" && (OPERATORS as readonly string[]).includes(op);
}

/** Renders one condition with placeholders; `null` compares with absence. */
export function renderCondition(condition: Condition, builder: ExpressionBuilder): string {
  const name = builder.name(condition.column);
  // callers parenthesize each condition they AND together; DynamoDB refuses redundant parentheses
  if (condition.orMissing)
    return `attribute_not_exists(${name}) OR ${renderCondition({ ...condition, orMissing: false }, builder)}`;
  const { op, value } = condition;
  if (value === null && (op === "=" || op === "!=")) {
    return op === "=" ? `attribute_not_exists(${name})` : `attribute_exists(${name})`;
  }
  switch (op) {
    case "=":
      return `${name} = ${builder.value(value)}`;
    case "!=":
      return `${name} <> ${builder.value(value)}`;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return `${name} ${op} ${builder.value(value)}`;
    case "contains":
      return `contains(${name}, ${builder.value(value)})`;
    case "begins-with":
      return `begins_with(${name}, ${builder.value(value)})`;
    case "between": {
      const [low, high] = value as [unknown, unknown];
      return `${name} BETWEEN ${builder.value(low)} AND ${builder.value(high)}`;
    }
    case "in":
      return renderIn(name, value as unknown[], builder);
    case "not-in":
      return `NOT (${renderIn(name, value as unknown[], builder)})`;
  }
}

function renderIn(name: string, values: unknown[], builder: ExpressionBuilder): string {
  const groups: string[] = [];
  for (let i = 0; i < values.length; i += MAX_IN_OPERANDS) {
    const placeholders = values.slice(i, i + MAX_IN_OPERANDS).map((v) => builder.value(v));
    groups.push(`${name} IN (${placeholders.join(", ")})`);
  }
  return groups.length === 1 ? groups[0] : `(${groups.join(" OR ")})`;
}

/** ANDs rendered conditions, each parenthesized when there are several; undefined when there are none. */
export function joinAnd(expressions: string[]): string | undefined {
  if (!expressions.length) return undefined;
  // DynamoDB refuses redundant parentheses around a lone condition
  return expressions.length === 1 ? expressions[0] : expressions.map((expression) => `(${expression})`).join(" AND ");
}

/** Renders conditions joined with AND; undefined when there are none. */
export function renderAll(conditions: Condition[], builder: ExpressionBuilder): string | undefined {
  return joinAnd(conditions.map((condition) => renderCondition(condition, builder)));
}

/** Checks an operator and its operand shape; throws before any request. */
export function assertOperand(model: string, property: string, op: unknown, value: unknown): asserts op is Operator {
  if (!isOperator(op)) {
    throw ValidationError.of(
      model,
      property,
      "operator",
      `unknown operator ${JSON.stringify(op)}; use one of ${OPERATORS.join(" ")}`,
    );
  }
  if ((op === "in" || op === "not-in") && (!Array.isArray(value) || value.length === 0)) {
    throw ValidationError.of(model, property, op, `"${op}" needs a non-empty array of values`);
  }
  if (op === "between" && (!Array.isArray(value) || value.length !== 2)) {
    throw ValidationError.of(model, property, op, `"between" needs [low, high]`);
  }
  if (op === "between" && reversed((value as unknown[])[0], (value as unknown[])[1])) {
    throw ValidationError.of(
      model,
      property,
      op,
      `"between" needs low <= high, got ${JSON.stringify(value)}; DynamoDB refuses reversed bounds`,
    );
  }
}

/** True when both bounds are numbers, strings or dates and low > high (strings in UTF-8 byte order, like DynamoDB). */
function reversed(low: unknown, high: unknown): boolean {
  if (low instanceof Date && high instanceof Date) return low.getTime() > high.getTime();
  if (typeof low === "number" && typeof high === "number") return low > high;
  if (typeof low === "string" && typeof high === "string") return Buffer.compare(Buffer.from(low), Buffer.from(high)) > 0;
  return false;
}
