import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { contextFor } from "../client/engine-context.js";
import { renderAll, type Condition } from "../expression/condition.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { hydrate } from "../table/hydrate.js";
import { toCondition } from "./normalize-filters.js";
import type { FilterClause, QueryOptions, TrashScope } from "./query-types.js";

/** Soft-delete scope as a condition on the @DeleteAt column (none for withTrashed or plain models). */
export function trashCondition(model: ModelMetadata, scope: TrashScope): Condition | undefined {
  const deletedAt = model.timestampProperty("deletedAt");
  if (!deletedAt || scope === "withTrashed") return undefined;
  return { column: model.columnOf(deletedAt), op: scope === "onlyTrashed" ? "!=" : "=", value: null };
}

/** Basic read path (full key → GetItem, otherwise Scan); the query planner replaces it. */
export async function findRows<M>(
  model: ModelMetadata,
  clauses: FilterClause[],
  options: QueryOptions,
  scope: TrashScope,
): Promise<M[]> {
  const { doc } = contextFor(model);
  const conditions = clauses.map((clause) => toCondition(model, clause));
  const trash = trashCondition(model, scope);
  if (trash) conditions.push(trash);
  const builder = new ExpressionBuilder();
  const filter = renderAll(conditions, builder);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: model.tableName,
        FilterExpression: filter,
        ExclusiveStartKey: startKey,
        ConsistentRead: options.consistentRead,
        ...builder.attributes(),
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const skip = options.skip ?? 0;
  const rows = items.slice(skip, options.limit === undefined ? undefined : skip + options.limit);
  return rows.map((item) => hydrate<M>(model, item));
}

/** GetItem by a full stored key. */
export async function getByKey<M>(model: ModelMetadata, key: Record<string, unknown>, consistentRead?: boolean): Promise<M | undefined> {
  const { doc } = contextFor(model);
  const { Item } = await doc.send(new GetCommand({ TableName: model.tableName, Key: key, ConsistentRead: consistentRead }));
  return Item ? hydrate<M>(model, Item as Record<string, unknown>) : undefined;
}
