import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { buildCreateTableInput } from "./table-schema.js";

/** Creates the model's table unless it exists, then waits until it and its indexes are ACTIVE. */
export async function syncTable(client: DynamoDBClient, model: ModelMetadata): Promise<void> {
  try {
    await client.send(new CreateTableCommand(buildCreateTableInput(model)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException) && (error as Error)?.name !== "ResourceInUseException") throw error;
  }
  await waitUntilActive(client, model.tableName);
}

export async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 2_000)) {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
    if (table?.TableStatus === "ACTIVE" && indexesActive) return;
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
