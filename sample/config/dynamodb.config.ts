import { registerAs } from "@nestjs/config";

/**
 * Where the sample keeps its data. `DYNAMODB_ENDPOINT` points at DynamoDB Local (or any other
 * endpoint); without it the SDK talks to AWS with its default credential chain.
 */
export const dynamodbConfig = registerAs("dynamodb", () => {
  const endpoint = process.env.DYNAMODB_ENDPOINT || undefined;
  const region = process.env.AWS_REGION ?? "us-east-1";
  // DynamoDB Local accepts any credentials; it keeps one database per access key and region.
  const localCredentials =
    endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  return { endpoint, region, ...(localCredentials && { credentials: localCredentials }) };
});
