import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { documentClientFor } from "../engine/engine-context.js";
import { sendRequest } from "../engine/send-request.js";
import { waitUntilActive } from "../schema/table-sync.js";
import { describeTable } from "../schema/describe-schema.js";

/** Where a consumer stands in one shard: the last handled sequence number, and whether the shard is done. */
export interface ShardCheckpoint {
  sequenceNumber?: string;
  finished: boolean;
}

/** Default name of the table holding stream checkpoints. */
export const DEFAULT_CHECKPOINT_TABLE = "dynamite_stream_checkpoints";

/**
 * Checkpoints of stream consumers, one row per (consumer, stream, shard): partition key `consumer`,
 * sort key `shard` = `<stream ARN>|<shard id>`. A restart resumes after the last saved sequence number.
 */
export class CheckpointStore {
  private ready?: Promise<void>;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string = DEFAULT_CHECKPOINT_TABLE,
  ) {}

  /** Creates the table when missing (PAY_PER_REQUEST) and waits until it is ACTIVE; once per store. */
  ensureTable(): Promise<void> {
    this.ready ??= this.createIfMissing().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Every checkpoint of the consumer in the stream, by shard id (one Query, paginated). */
  async load(consumer: string, streamArn: string): Promise<Map<string, ShardCheckpoint>> {
    const checkpoints = new Map<string, ShardCheckpoint>();
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await sendRequest(documentClientFor(this.client), "Query", {
        TableName: this.tableName,
        KeyConditionExpression: "#consumer = :consumer AND begins_with(#shard, :stream)",
        ExpressionAttributeNames: { "#consumer": "consumer", "#shard": "shard" },
        ExpressionAttributeValues: { ":consumer": consumer, ":stream": `${streamArn}|` },
        ConsistentRead: true,
        ExclusiveStartKey,
      });
      for (const row of page.Items ?? []) {
        const shardId = String(row.shard).slice(streamArn.length + 1);
        checkpoints.set(shardId, { sequenceNumber: row.sequenceNumber as string | undefined, finished: row.finished === true });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return checkpoints;
  }

  /** Saves the consumer's position in a shard (and that the shard is finished, once it is closed and read). */
  async save(consumer: string, streamArn: string, shardId: string, checkpoint: ShardCheckpoint): Promise<void> {
    const names: Record<string, string> = { "#finished": "finished", "#at": "updatedAt" };
    const values: Record<string, unknown> = { ":finished": checkpoint.finished, ":at": new Date().toISOString() };
    let set = "#finished = :finished, #at = :at";
    if (checkpoint.sequenceNumber !== undefined) {
      names["#sequence"] = "sequenceNumber";
      values[":sequence"] = checkpoint.sequenceNumber;
      set += ", #sequence = :sequence";
    }
    await sendRequest(documentClientFor(this.client), "UpdateItem", {
      TableName: this.tableName,
      Key: { consumer, shard: `${streamArn}|${shardId}` },
      UpdateExpression: `SET ${set}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  private async createIfMissing(): Promise<void> {
    if (await describeTable(this.client, this.tableName)) return;
    try {
      await this.client.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: "PAY_PER_REQUEST",
          KeySchema: [
            { AttributeName: "consumer", KeyType: "HASH" },
            { AttributeName: "shard", KeyType: "RANGE" },
          ],
          AttributeDefinitions: [
            { AttributeName: "consumer", AttributeType: "S" },
            { AttributeName: "shard", AttributeType: "S" },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error)?.name !== "ResourceInUseException") throw error;
    }
    await waitUntilActive(this.client, this.tableName);
  }
}
