import { MAX_BATCH_GET_KEYS } from "../item/limits.js";
import { renderAll, type Condition } from "../expression/condition.js";
import { DYNAMO_LIMITS } from "../support/dynamo-limits.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { planAccess, type AccessPlan } from "./access-plan.js";
import { clausesOf } from "./normalize-filters.js";
import { projectionOf } from "./projection.js";
import type { Filters, QueryOptions } from "./query-types.js";
import { buildPagedInput } from "./read-input.js";
import { buildReadSpec, type ReadSpec } from "./read-spec.js";
import type { QueryPlan } from "./read-types.js";
import { assertIncludable } from "./load-includes.js";

/** The plan of `where(filters, options)`: validated exactly like the read, and nothing sent. */
export function explainRead(model: ModelMetadata, filters: Filters | undefined, options: QueryOptions = {}): QueryPlan {
  const spec = buildReadSpec(model, clausesOf(model, filters), options);
  const plan = explainSpec(spec);
  if (!spec.sortBy) return plan;
  const order = spec.sortBy.descending ? "DESC" : "ASC";
  return { ...plan, sortedInMemory: { attribute: spec.sortBy.property, order } };
}

function explainSpec(spec: ReadSpec): QueryPlan {
  const model = spec.model;
  assertIncludable(spec);
  const plan = planAccess(spec);
  const { columns } = projectionOf(spec, plan);
  if (plan.operation === "GetItem" || plan.operation === "BatchGetItem") {
    const builder = new ExpressionBuilder();
    const residualFilter = renderAll(plan.filters, builder);
    const projection = columns?.map((column) => builder.name(column)).join(", ");
    return {
      operation: plan.operation,
      table: model.tableName,
      keys: plan.keys,
      ...(plan.operation === "BatchGetItem" && { requests: Math.ceil(plan.keys.length / MAX_BATCH_GET_KEYS) }),
      ...(residualFilter && { residualFilter }),
      ...(projection && { projection }),
      ...builderMaps(builder),
    };
  }
  const input = buildPagedInput(plan, columns);
  const keyBuilder = new ExpressionBuilder();
  const residualFilter = renderAll(plan.residual ?? [], keyBuilder);
  return {
    operation: plan.operation,
    table: input.TableName,
    ...(input.IndexName && { index: input.IndexName }),
    ...(input.KeyConditionExpression && { keyCondition: input.KeyConditionExpression }),
    ...(input.FilterExpression && { filter: input.FilterExpression }),
    ...(residualFilter && {
      residualFilter,
      residualNames: keyBuilder.attributes().ExpressionAttributeNames,
      residualValues: keyBuilder.attributes().ExpressionAttributeValues,
    }),
    ...(input.ProjectionExpression && { projection: input.ProjectionExpression }),
    ...listNotes(plan),
    ...(input.ScanIndexForward !== undefined && { scanIndexForward: input.ScanIndexForward }),
    ...(input.ExpressionAttributeNames && { names: input.ExpressionAttributeNames }),
    ...(input.ExpressionAttributeValues && { values: input.ExpressionAttributeValues }),
  };
}

/** How each `in`/`not-in` list longer than one IN is evaluated: chunked in the expression, or after reading. */
function listNotes(plan: AccessPlan): Pick<QueryPlan, "notes"> {
  const long = (condition: Condition) =>
    (condition.op === "in" || condition.op === "not-in") && (condition.value as unknown[]).length > DYNAMO_LIMITS.inOperands;
  const describe = (condition: Condition) =>
    `${plan.model.propertyOfColumn(condition.column)} ${condition.op} (${(condition.value as unknown[]).length} values)`;
  const notes = [
    ...plan.filters
      .filter(long)
      .map((c) => `${describe(c)}: chunked into IN lists of at most ${DYNAMO_LIMITS.inOperands} in the FilterExpression`),
    ...(plan.residual ?? [])
      .filter((c) => c.op === "in" || c.op === "not-in")
      .map((c) => `${describe(c)}: evaluated after reading (the FilterExpression would exceed DynamoDB's expression limits)`),
  ];
  return notes.length ? { notes } : {};
}

function builderMaps(builder: ExpressionBuilder): Pick<QueryPlan, "names" | "values"> {
  const { ExpressionAttributeNames, ExpressionAttributeValues } = builder.attributes();
  return {
    ...(ExpressionAttributeNames && { names: ExpressionAttributeNames }),
    ...(ExpressionAttributeValues && { values: ExpressionAttributeValues }),
  };
}
