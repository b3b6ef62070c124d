import type { DynamoDBClient, KeySchemaElement, TableDescription } from "@aws-sdk/client-dynamodb";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { indexesOf } from "../metadata/relation-resolution.js";
import { keySchema } from "./table-schema.js";
import { describeTable, describeTimeToLive } from "./describe-schema.js";
import type { SchemaChange, SyncPlan } from "./sync-plan.js";
import { modelStreamViewType, streamDrift } from "./stream-schema.js";

const render = (schema: KeySchemaElement[] = []) => schema.map((k) => `${k.AttributeName} ${k.KeyType}`).join(", ") || "none";
const sameKeys = (a: KeySchemaElement[] = [], b: KeySchemaElement[] = []) => render(a) === render(b);

/** The changes one model's table needs, and the drift `sync()` will leave alone (compares with DescribeTable). */
export async function planTable(client: DynamoDBClient, model: ModelMetadata): Promise<SyncPlan> {
  const table = model.tableName;
  const indexes = indexesOf(model);
  const ttl = model.ttlProperty();
  const description = await describeTable(client, table);
  if (!description) {
    const stream = modelStreamViewType(model);
    const changes: SchemaChange[] = [
      { kind: "createTable", table, model: model.name, indexes: indexes.map((index) => index.name), ...(stream && { stream }) },
    ];
    if (ttl) changes.push({ kind: "enableTtl", table, model: model.name, attribute: model.columnOf(ttl) });
    return { changes, warnings: [] };
  }
  const plan: SyncPlan = { changes: [], warnings: [] };
  keyDrift(model, description, plan);
  indexDrift(model, description, plan);
  streamDrift(model, description, plan);
  if (ttl) await ttlDrift(client, model, model.columnOf(ttl), plan);
  return plan;
}

function keyDrift(model: ModelMetadata, description: TableDescription, plan: SyncPlan): void {
  const expected = keySchema(model, model.partitionKey!, model.sortKey);
  if (!sameKeys(description.KeySchema, expected)) {
    plan.warnings.push(
      `Table ${model.tableName}: its key schema (${render(description.KeySchema)}) differs from model ${model.name} ` +
        `(${render(expected)}); sync() does not change existing tables. Migrate the data to a new table.`,
    );
    return;
  }
  for (const property of model.keyProperties()) {
    const column = model.columnOf(property);
    const stored = description.AttributeDefinitions?.find((d) => d.AttributeName === column)?.AttributeType;
    if (stored && stored !== model.keyTypeOf(property)) {
      plan.warnings.push(
        `Table ${model.tableName}: key attribute ${column} has type ${stored} but model ${model.name} declares ` +
          `${model.keyTypeOf(property)}; sync() does not change existing tables.`,
      );
    }
  }
}

function indexDrift(model: ModelMetadata, description: TableDescription, plan: SyncPlan): void {
  const table = model.tableName;
  for (const index of indexesOf(model)) {
    const existing = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])].find(
      (candidate) => candidate.IndexName === index.name,
    );
    const expected = keySchema(model, model.partitionKeyOf(index), index.sortKey);
    if (!existing && index.kind === "GSI") {
      plan.changes.push({ kind: "addIndex", table, model: model.name, index: index.name });
    } else if (!existing) {
      plan.warnings.push(
        `Table ${table}: local secondary index ${index.name} of model ${model.name} is missing, and DynamoDB creates ` +
          "LSIs only with the table; recreate the table to add it.",
      );
    } else if (!sameKeys(existing.KeySchema, expected)) {
      plan.warnings.push(
        `Table ${table}: index ${index.name} has keys (${render(existing.KeySchema)}) but model ${model.name} declares ` +
          `(${render(expected)}); sync() never changes or drops an index. Give the new index another name.`,
      );
    }
  }
}

async function ttlDrift(client: DynamoDBClient, model: ModelMetadata, column: string, plan: SyncPlan): Promise<void> {
  const ttl = await describeTimeToLive(client, model.tableName);
  const enabled = ttl.TimeToLiveStatus === "ENABLED" || ttl.TimeToLiveStatus === "ENABLING";
  if (!enabled) {
    plan.changes.push({ kind: "enableTtl", table: model.tableName, model: model.name, attribute: column });
  } else if (ttl.AttributeName !== column) {
    plan.warnings.push(
      `Table ${model.tableName}: Time To Live is enabled on ${ttl.AttributeName ?? "?"} but model ${model.name} marks ` +
        `${column} with @TTL(); sync() does not switch it (disable it first).`,
    );
  }
}
