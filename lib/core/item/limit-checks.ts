import { ValidationError, type ValidationIssue } from "../errors/core-errors.js";
import type { KeyType, ModelMetadata } from "../metadata/model-metadata.js";
import { indexesOf } from "../metadata/relation-resolution.js";
import { expressionLimitProblem, keyValueProblem, type KeyRole } from "../support/dynamo-limits.js";

const TYPE_NAMES: Record<KeyType, string> = { S: "string", N: "number", B: "binary" };

/** The type and role of an attribute that keys the table or one of its indexes; undefined otherwise. */
export function keyRoleOf(model: ModelMetadata, property: string): { type: KeyType; role: KeyRole } | undefined {
  if (property === model.partitionKey) return { type: model.keyTypeOf(property), role: "partition" };
  if (property === model.sortKey) return { type: model.keyTypeOf(property), role: "sort" };
  for (const index of indexesOf(model)) {
    if (index.kind === "GSI" && index.partitionKey === property) return { type: model.keyTypeOf(property), role: "partition" };
    if (index.sortKey === property) return { type: model.keyTypeOf(property), role: "sort" };
  }
  return undefined;
}

/**
 * Index key attributes in a write: DynamoDB refuses the whole write when one is of the wrong type,
 * empty or too long (absent is fine: the row is then not in the index).
 */
export function indexKeyIssues(model: ModelMetadata, item: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const keys = new Set(model.keyProperties());
  for (const index of indexesOf(model)) {
    const parts: Array<[string | undefined, KeyRole]> = [
      [index.kind === "GSI" ? index.partitionKey : undefined, "partition"],
      [index.sortKey, "sort"],
    ];
    for (const [property, role] of parts) {
      if (!property || keys.has(property)) continue;
      const value = item[model.columnOf(property)];
      if (value === undefined || value === null) continue;
      const problem = keyValueProblem(model.keyTypeOf(property), role, value, true);
      if (problem && !issues.some((issue) => issue.attribute === property))
        issues.push({ model: model.name, attribute: property, rule: "indexKey", message: `${problem} (index ${index.name})` });
    }
  }
  return issues;
}

/** Stored operands compared with a key attribute must be valid key values: DynamoDB refuses other types in key conditions. */
export function keyOperandProblem(model: ModelMetadata, property: string, op: string, value: unknown): string | undefined {
  const key = keyRoleOf(model, property);
  if (!key || value === null) return undefined;
  if ((op === "contains" || op === "begins-with") && key.type === "N")
    return `"${op}" does not apply to ${property}, a ${TYPE_NAMES[key.type]} key; compare it with = < <= > >= between`;
  const operands = op === "in" || op === "not-in" || op === "between" ? (value as unknown[]) : [value];
  for (const operand of operands) {
    const problem = keyValueProblem(key.type, key.role, operand, true);
    if (problem) return problem;
  }
  return undefined;
}

/** Refuses an expression over DynamoDB's size or operator limit, naming the model and the attributes it is built from. */
export function assertExpressionLimits(
  model: string,
  attributes: string | (() => string),
  kind: string,
  expression: string | undefined,
): void {
  const problem = expression && expressionLimitProblem(expression);
  if (!problem) return;
  const rule = problem.endsWith("(expressionSize)") ? "expressionSize" : "expressionOperators";
  throw ValidationError.of(
    model,
    typeof attributes === "function" ? attributes() : attributes,
    rule,
    `the ${kind} ${problem.replace(/ \((expressionSize|expressionOperators)\)$/, "")}`,
  );
}
