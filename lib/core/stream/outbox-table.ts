import { CreateTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { waitUntilActive } from "../schema/table-sync.js";
import { alreadyDone } from "../schema/apply-change.js";
import { describeTable, describeTimeToLive } from "../schema/describe-schema.js";

const ignoreAlreadyDone = (error: unknown) => {
  if (!alreadyDone(error)) throw error;
};

/** Creates the outbox table when missing: key `id`, a NEW_IMAGE stream, TTL on `expiresAt`. Idempotent. */
export async function ensureOutboxTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const table = await describeTable(client, tableName);
  if (!table) {
    await client
      .send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: "PAY_PER_REQUEST",
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
        }),
      )
      .catch(ignoreAlreadyDone);
    await waitUntilActive(client, tableName);
  } else if (!table.StreamSpecification?.StreamEnabled) {
    await client
      .send(
        new UpdateTableCommand({
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
        }),
      )
      .catch(ignoreAlreadyDone);
    await waitUntilActive(client, tableName);
  }
  const ttl = await describeTimeToLive(client, tableName);
  if (ttl.TimeToLiveStatus !== "ENABLED" && ttl.TimeToLiveStatus !== "ENABLING") {
    await client
      .send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: "expiresAt" },
        }),
      )
      .catch(ignoreAlreadyDone);
  }
}
