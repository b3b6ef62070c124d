import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from "@aws-sdk/client-dynamodb-streams";

/** The stream ARN of a table (DynamoDB Local serves the Streams API on the same endpoint). */
export async function streamArnOf(client: DynamoDBClient, tableName: string): Promise<string> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) throw new Error(`table ${tableName} has no stream`);
  return Table.LatestStreamArn;
}

/** Every record of a table's stream so far, in shard order (independent of the code under test). */
export async function readStream(client: DynamoDBClient, tableName: string): Promise<_Record[]> {
  const streamArn = await streamArnOf(client, tableName);
  const { region, credentials, endpoint } = client.config;
  const streams = new DynamoDBStreamsClient({ region, credentials, endpoint });
  try {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: _Record[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }),
      );
      while (ShardIterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
        records.push(...(page.Records ?? []));
        ShardIterator = page.Records?.length ? page.NextShardIterator : undefined;
      }
    }
    return records;
  } finally {
    streams.destroy();
  }
}

/**
 * A GetRecords record as a Lambda event delivers it: JSON, binaries in base64, the creation time in
 * epoch seconds, the source ARN and lower-case `userIdentity` keys.
 */
export function toLambdaRecord(record: _Record, streamArn: string): Record<string, any> {
  const json = JSON.parse(
    JSON.stringify(record, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value)),
  );
  json.eventSourceARN = streamArn;
  if (json.dynamodb?.ApproximateCreationDateTime) {
    json.dynamodb.ApproximateCreationDateTime = Math.floor(Date.parse(json.dynamodb.ApproximateCreationDateTime) / 1000);
  }
  if (json.userIdentity) json.userIdentity = { type: json.userIdentity.Type, principalId: json.userIdentity.PrincipalId };
  return json;
}
