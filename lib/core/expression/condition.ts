import { ValidationError } from "../errors/core-errors.js";
import { DYNAMO_LIMITS, operandTypeProblem } from "../support/dynamo-limits.js";
import type { ExpressionBuilder } from "./expression-builder.js";
import { isOperator, operatorOf, OPERATORS, type Operator } from "./operator-table.js";
import { withFields } from "../support/with-fields.js";

export { isOperator, OPERATORS, type Operator };

/** One comparison on one stored attribute; values are already in stored form. */
export interface Condition {
  /** Stored attribute name. */
  column: string;
  op: Operator;
  value: unknown;
  /** Also true when the attribute is absent (e.g. the TTL scope: no expiry means never expired). */
  orMissing?: boolean;
}

/** Renders one condition with placeholders; `null` compares with absence. */
export function renderCondition(condition: Condition, builder: ExpressionBuilder): string {
  const name = builder.name(condition.column);
  // callers parenthesize each condition they AND together; DynamoDB refuses redundant parentheses
  if (condition.orMissing)
    return `attribute_not_exists(${name}) OR ${renderCondition(withFields(condition, { orMissing: false }), builder)}`;
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

/**
 * `a IN (…)`, or `a IN (…) OR a IN (…)` past 100 values (DynamoDB's limit per IN). No outer
 * parentheses: DynamoDB refuses redundant ones, and every caller that combines conditions wraps them.
 */
function renderIn(name: string, values: unknown[], builder: ExpressionBuilder): string {
  const groups: string[] = [];
  for (let i = 0; i < values.length; i += DYNAMO_LIMITS.inOperands) {
    const placeholders = values.slice(i, i + DYNAMO_LIMITS.inOperands).map((v) => builder.value(v));
    groups.push(`${name} IN (${placeholders.join(", ")})`);
  }
  return groups.join(" OR ");
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

/**
 * Checks an operator (through the one operator table) and its operand: shape, `undefined`, `null`
 * where it means nothing, and the operand types DynamoDB refuses for that operator. Throws before any request.
 */
export function assertOperand(model: string, property: string, op: unknown, value: unknown): asserts op is Operator {
  const operator = operatorOf(model, property, op);
  const fail = (message: string) => {
    throw ValidationError.of(model, property, operator, message);
  };
  if (operator === "in" || operator === "not-in" || operator === "between") {
    if (operator !== "between" && (!Array.isArray(value) || value.length === 0))
      fail(`"${operator}" needs a non-empty array of values`);
    if (operator === "between" && (!Array.isArray(value) || value.length !== 2)) fail(`"between" needs [low, high]`);
    const operands = value as unknown[];
    for (let i = 0; i < operands.length; i++) {
      if (operands[i] === undefined) fail(`"${operator}" operand [${i}] is undefined`);
      if (operands[i] === null) {
        fail(
          `"${operator}" operand [${i}] is null; ${operator === "between" ? "give both bounds" : "null means absent and cannot be listed: filter it separately"}`,
        );
      }
    }
  } else if (value === undefined) {
    fail(`the operand of "${operator}" is undefined; use null to match a missing attribute`);
  } else if (value === null && operator !== "=" && operator !== "!=") {
    fail(`"${operator}" cannot compare with null; use null (absent) or { "!=": null } (present)`);
  }
  const typeProblem = value === null ? undefined : operandTypeProblem(operator, value);
  if (typeProblem) fail(typeProblem);
  if (operator === "between" && reversed((value as unknown[])[0], (value as unknown[])[1])) {
    fail(`"between" needs low <= high, got ${JSON.stringify(value)}; DynamoDB refuses reversed bounds`);
  }
}

/** True when both bounds are numbers, strings, binaries or dates and low > high (strings in UTF-8 byte order, like DynamoDB). */
function reversed(low: unknown, high: unknown): boolean {
  if (low instanceof Date && high instanceof Date) return low.getTime() > high.getTime();
  if (typeof low === "number" && typeof high === "number") return low > high;
  if (typeof low === "string" && typeof high === "string") return Buffer.compare(Buffer.from(low), Buffer.from(high)) > 0;
  if (low instanceof Uint8Array && high instanceof Uint8Array) return Buffer.compare(low, high) > 0;
  return false;
}
