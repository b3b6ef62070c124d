import { joinAnd, renderCondition } from "../expression/condition.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import type { ActionData, UpdateParts, WriteParams } from "../engine/write-action.js";
import { assertExpressionLimits } from "../item/limit-checks.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { describeAttributes } from "../support/dynamo-limits.js";

/**
 * The one place a write becomes expression text: the SDK input of an action, every name and value
 * through placeholders. Used for writes sent alone and for each entry of a TransactWriteItems.
 */
export function renderAction(action: ActionData & { model?: ModelMetadata }): WriteParams {
  const builder = new ExpressionBuilder();
  const params: WriteParams = { TableName: action.table };
  if (action.kind === "Put") params.Item = action.item;
  else params.Key = action.key;
  if (action.kind === "Update")
    params.UpdateExpression = renderUpdate(action.update ?? { set: {}, remove: [], add: {} }, builder);
  const condition = joinAnd(action.conditions.map((condition) => renderCondition(condition, builder)));
  if (condition) params.ConditionExpression = condition;
  assertActionLimits(action, params);
  builder.addTo(params);
  return params;
}

/** DynamoDB's 4 KB / 300-operator expression limits, checked on the rendered text, naming the attributes. */
function assertActionLimits(action: ActionData & { model?: ModelMetadata }, params: WriteParams): void {
  const name = action.model?.name ?? action.table;
  const property = (column: string) => action.model?.propertyOfColumn(column) ?? column;
  const update = action.update;
  // the attributes are named only in the error (most writes are far below the limits)
  const changed = () =>
    describeAttributes(update ? [...Object.keys(update.set), ...update.remove, ...Object.keys(update.add)].map(property) : []);
  assertExpressionLimits(name, changed, "UpdateExpression", params.UpdateExpression);
  const checked = () => describeAttributes(action.conditions.map((condition) => property(condition.column))) || "(condition)";
  assertExpressionLimits(name, checked, "ConditionExpression", params.ConditionExpression);
}

function renderUpdate(parts: UpdateParts, builder: ExpressionBuilder): string {
  const clauses: string[] = [];
  let sets = "";
  for (const column of Object.keys(parts.set)) {
    sets += `${sets ? ", " : "SET "}${builder.name(column)} = ${builder.value(parts.set[column])}`;
  }
  if (sets) clauses.push(sets);
  if (parts.remove.length) clauses.push(`REMOVE ${parts.remove.map((column) => builder.name(column)).join(", ")}`);
  const adds = Object.entries(parts.add).map(([column, by]) => `${builder.name(column)} ${builder.value(by)}`);
  if (adds.length) clauses.push(`ADD ${adds.join(", ")}`);
  return clauses.join(" ");
}
