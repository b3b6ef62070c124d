import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
  type TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";

/** The table's description, or undefined when it does not exist. */
export async function describeTable(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as Error)?.name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

/** The table's Time To Live setting. */
export async function describeTimeToLive(client: DynamoDBClient, tableName: string): Promise<TimeToLiveDescription> {
  return (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription ?? {};
}
