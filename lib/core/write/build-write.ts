import { renderCondition } from "../expression/condition.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import { assertExpressionLimits } from "../item/limit-checks.js";
import { describeAttributes } from "../support/dynamo-limits.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { UpdateParts, WriteParams } from "../engine/write-action.js";

function keyExists(model: ModelMetadata, builder: ExpressionBuilder, exists: boolean): string {
  const fn = exists ? "attribute_exists" : "attribute_not_exists";
  return `${fn}(${builder.name(model.columnOf(model.partitionKey!))})`;
}

/** Put that never overwrites: `attribute_not_exists` on the partition key. */
export function buildInsertParams(model: ModelMetadata, item: Record<string, unknown>): WriteParams {
  const builder = new ExpressionBuilder();
  return {
    TableName: model.tableName,
    Item: item,
    ConditionExpression: keyExists(model, builder, false),
    ...builder.attributes(),
  };
}

/** UpdateItem from structured parts; every name and value through placeholders. */
export function buildUpdateParams(model: ModelMetadata, key: Record<string, unknown>, parts: UpdateParts): WriteParams {
  const builder = new ExpressionBuilder();
  const clauses: string[] = [];
  const sets = Object.entries(parts.set).map(([column, value]) => `${builder.name(column)} = ${builder.value(value)}`);
  if (sets.length) clauses.push(`SET ${sets.join(", ")}`);
  if (parts.remove.length) clauses.push(`REMOVE ${parts.remove.map((column) => builder.name(column)).join(", ")}`);
  const adds = Object.entries(parts.add).map(([column, by]) => `${builder.name(column)} ${builder.value(by)}`);
  if (adds.length) clauses.push(`ADD ${adds.join(", ")}`);
  const conditions = parts.mustExist ? [keyExists(model, builder, true)] : [];
  conditions.push(...parts.conditions.map((condition) => renderCondition(condition, builder)));
  const params: WriteParams = { TableName: model.tableName, Key: key, UpdateExpression: clauses.join(" ") };
  if (conditions.length) params.ConditionExpression = joinAnd(conditions);
  const changed = [...Object.keys(parts.set), ...parts.remove, ...Object.keys(parts.add)];
  assertExpressionLimits(model, namesOf(model, changed), "UpdateExpression", params.UpdateExpression);
  assertExpressionLimits(
    model,
    namesOf(
      model,
      parts.conditions.map((c) => c.column),
    ),
    "ConditionExpression",
    params.ConditionExpression,
  );
  return { ...params, ...builder.attributes() };
}

/** Property names of stored columns, for messages (the first few). */
function namesOf(model: ModelMetadata, columns: string[]): string {
  return describeAttributes(columns.map((column) => model.propertyOfColumn(column))) || "(condition)";
}

function joinAnd(parts: string[]): string {
  return parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(" AND ");
}

export function buildDeleteParams(model: ModelMetadata, key: Record<string, unknown>): WriteParams {
  return { TableName: model.tableName, Key: key };
}

/** An empty set of update parts. */
export function emptyUpdate(mustExist = true): UpdateParts {
  return { set: {}, remove: [], add: {}, conditions: [], mustExist };
}

/** True when the parts change nothing. */
export function isEmptyUpdate(parts: UpdateParts): boolean {
  return !Object.keys(parts.set).length && !parts.remove.length && !Object.keys(parts.add).length;
}
