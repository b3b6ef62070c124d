import { CreateTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { attributeDefinitions, buildCreateTableInput, gsiDefinition } from "./table-schema.js";
import { waitUntilActive } from "./table-sync.js";
import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { indexesOf } from "../metadata/relation-resolution.js";
import type { SchemaChange } from "./sync-plan.js";
import { buildEnableStreamInput } from "./stream-schema.js";

/** Another process made the same change meanwhile: nothing left to do. */
export function alreadyDone(error: unknown): boolean {
  const { name, message = "" } = (error ?? {}) as Error;
  if (name === "ResourceInUseException") return true;
  return name === "ValidationException" && /already (exists|enabled|has an enabled)/i.test(message);
}

/** Makes one planned change and waits until the table and its indexes are ACTIVE again. */
export async function applyChange(client: DynamoDBClient, model: ModelMetadata, change: SchemaChange): Promise<void> {
  try {
    await send(client, model, change);
  } catch (error) {
    if (!alreadyDone(error)) throw error;
  }
  if (change.kind !== "enableTtl") await waitUntilActive(client, model.tableName);
}

async function send(client: DynamoDBClient, model: ModelMetadata, change: SchemaChange): Promise<unknown> {
  switch (change.kind) {
    case "createTable":
      return client.send(new CreateTableCommand(buildCreateTableInput(model)));
    case "enableStream":
      return client.send(new UpdateTableCommand(buildEnableStreamInput(model)));
    case "enableTtl":
      return client.send(
        new UpdateTimeToLiveCommand({
          TableName: model.tableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: change.attribute },
        }),
      );
    case "addIndex": {
      const index = indexesOf(model).find((candidate) => candidate.name === change.index);
      if (!index) throw new ConfigError(`Model ${model.name} has no index ${change.index} to add to table ${model.tableName}`);
      const keys = index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey];
      // one index per UpdateTable: DynamoDB refuses several index creations at once
      return client.send(
        new UpdateTableCommand({
          TableName: model.tableName,
          AttributeDefinitions: attributeDefinitions(model, keys),
          GlobalSecondaryIndexUpdates: [{ Create: gsiDefinition(model, index) }],
        }),
      );
    }
  }
}
