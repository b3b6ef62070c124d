import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamiteError } from "../errors/core-errors.js";
import { sleep } from "../support/backoff.js";

/** Waits until the table and every one of its GSIs are ACTIVE (after a create or an index addition). */
export async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 2_000)) {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
    if (table?.TableStatus === "ACTIVE" && indexesActive) return;
    if (Date.now() > deadline) throw new DynamiteError(`Table ${tableName} did not become ACTIVE within ${timeoutMs} ms`);
    await sleep(delay);
  }
}
