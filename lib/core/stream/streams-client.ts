import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";

/**
 * A Streams client for the same account, region and credentials as `client`. A custom endpoint
 * (DynamoDB Local serves both APIs on one port) is reused; otherwise the SDK resolves the Streams endpoint.
 */
export function streamsClientFor(client: DynamoDBClient): DynamoDBStreamsClient {
  const { region, credentials, endpoint, isCustomEndpoint, maxAttempts } = client.config;
  return new DynamoDBStreamsClient({
    region,
    credentials,
    maxAttempts,
    ...(isCustomEndpoint && endpoint && { endpoint }),
  });
}
