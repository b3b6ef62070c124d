import type { KeyType } from "../metadata/model-metadata.js";

/**
 * DynamoDB's limits, checked before any request (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html).
 * The checks that apply them to models live in `item/limit-checks.ts`;
 * nothing else in the package hard-codes a DynamoDB limit.
 */
export const DYNAMO_LIMITS = {
  /** Partition key value of the table or of an index, in UTF-8 bytes (strings) or bytes (binaries). */
  partitionKeyBytes: 2048,
  /** Sort key value of the table or of an index. */
  sortKeyBytes: 1024,
  /** One item: attribute names plus values. */
  itemBytes: 400 * 1024,
  /** Any expression string (key condition, filter, projection, update, condition). */
  expressionBytes: 4 * 1024,
  /** Operators and functions in one expression (AND, OR, NOT, comparators, BETWEEN, IN, functions). */
  expressionOperators: 300,
  /** Operands of one IN. */
  inOperands: 100,
  /** Keys of one BatchGetItem. */
  batchGetKeys: 100,
  /** Requests of one BatchWriteItem. */
  batchWriteItems: 25,
  /** Actions of one TransactWriteItems (raised from 25 in 2022). */
  transactionActions: 100,
  /** Aggregate size of the items of one transaction. */
  transactionBytes: 4 * 1024 * 1024,
} as const;

export type KeyRole = "partition" | "sort";

/** What is wrong with a stored key value (of the table or an index), or undefined when DynamoDB accepts it. */
export function keyValueProblem(type: KeyType, role: KeyRole, value: unknown, index = false): string | undefined {
  const what = index ? "an index key" : "a key";
  if (value === undefined || value === null) return "is part of the primary key and is missing";
  if (type === "S" && typeof value !== "string") return `is a string key but got ${kindOf(value)}`;
  if (type === "N" && (typeof value !== "number" || !Number.isFinite(value)))
    return `is a number key but got ${typeof value === "number" ? value : kindOf(value)}`;
  if (type === "B" && !(value instanceof Uint8Array)) return `is a binary key but got ${kindOf(value)}`;
  if (value === "") return `is ${what} and must not be an empty string`;
  if (value instanceof Uint8Array && value.byteLength === 0) return `is ${what} and must not be an empty binary`;
  const bytes = typeof value === "string" ? Buffer.byteLength(value) : value instanceof Uint8Array ? value.byteLength : 0;
  const limit = role === "partition" ? DYNAMO_LIMITS.partitionKeyBytes : DYNAMO_LIMITS.sortKeyBytes;
  if (bytes > limit) return `is longer than DynamoDB's ${limit}-byte ${role} key limit (${bytes} bytes)`;
  return undefined;
}

/** A value's DynamoDB-ish kind, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Set) return "a set";
  if (value instanceof Uint8Array) return "a binary";
  if (value instanceof Date) return "a Date";
  return typeof value === "object" ? "a map" : typeof value;
}

/** String, number or binary (a Date is stored as a string): the only types DynamoDB orders. */
function scalarKind(value: unknown): "S" | "N" | "B" | undefined {
  if (typeof value === "string" || value instanceof Date) return "S";
  if (typeof value === "number") return "N";
  if (value instanceof Uint8Array) return "B";
  return undefined;
}

/**
 * Operand types DynamoDB refuses for an operator (an `Invalid FilterExpression` otherwise):
 * `< <= > >=` and `between` need strings, numbers or binaries (both bounds of one type),
 * `begins-with` a string or binary. `= != in not-in contains` take any value.
 */
export function operandTypeProblem(op: string, value: unknown): string | undefined {
  if (op === "<" || op === "<=" || op === ">" || op === ">=") {
    if (!scalarKind(value)) return `"${op}" compares strings, numbers or binaries, not ${kindOf(value)}`;
  }
  if (op === "begins-with") {
    const kind = scalarKind(value);
    if (kind !== "S" && kind !== "B") return `"begins-with" needs a string or binary prefix, not ${kindOf(value)}`;
  }
  if (op === "between") {
    const [low, high] = value as [unknown, unknown];
    if (!scalarKind(low) || !scalarKind(high))
      return `"between" compares strings, numbers or binaries, not ${kindOf(scalarKind(low) ? high : low)}`;
    if (scalarKind(low) !== scalarKind(high))
      return `"between" needs two bounds of one type, got ${kindOf(low)} and ${kindOf(high)}`;
  }
  return undefined;
}

/** Rough count of the operators and functions of an expression, the way DynamoDB counts them (placeholders only). */
export function countOperators(expression: string): number {
  return expression.match(/<>|<=|>=|=|<|>|\bAND\b|\bOR\b|\bNOT\b|\bBETWEEN\b|\bIN\b|\b[a-z_]+\(/g)?.length ?? 0;
}

/** Attribute names for a message: the first five, then how many more. */
export function describeAttributes(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length > 5 ? `${unique.slice(0, 5).join(", ")} and ${unique.length - 5} more` : unique.join(", ");
}

/** Which expression limit `expression` breaks, or undefined. */
export function expressionLimitProblem(expression: string): string | undefined {
  // a short expression breaks neither limit: each operator takes a character, a character at most 3 bytes
  if (expression.length <= Math.min(DYNAMO_LIMITS.expressionOperators, DYNAMO_LIMITS.expressionBytes / 3)) return undefined;
  const bytes = Buffer.byteLength(expression);
  if (bytes > DYNAMO_LIMITS.expressionBytes)
    return `is ${bytes} bytes long; DynamoDB expressions are at most ${DYNAMO_LIMITS.expressionBytes} bytes (expressionSize)`;
  const operators = countOperators(expression);
  if (operators > DYNAMO_LIMITS.expressionOperators)
    return `holds ${operators} operators; DynamoDB allows ${DYNAMO_LIMITS.expressionOperators} in one expression (expressionOperators)`;
  return undefined;
}
