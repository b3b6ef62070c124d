import { randomUUID } from "node:crypto";
import { Dynamite, type DynamiteConfig } from "../../lib/core/index.js";

/** The endpoint of the run's DynamoDB Local (started by the Jest global setup). */
export function testEndpoint(): string {
  const endpoint = process.env.DYNAMITE_TEST_ENDPOINT;
  if (!endpoint) throw new Error("DYNAMITE_TEST_ENDPOINT is not set: run the tests with `npm test`");
  return endpoint;
}

/**
 * SDK config for DynamoDB Local. DynamoDB Local keeps one database per access key and region,
 * so a fresh access key gives every suite its own tables even when suites run in parallel.
 */
export function testClientConfig(accessKeyId = `suite${randomUUID().replaceAll("-", "")}`) {
  return {
    endpoint: testEndpoint(),
    region: "us-east-1",
    credentials: { accessKeyId, secretAccessKey: "local" },
  };
}

/** A connected, synced Dynamite on its own isolated database. */
export async function createTestDynamite(
  tables: DynamiteConfig["tables"],
  extra: Partial<DynamiteConfig> = {},
): Promise<Dynamite> {
  const dynamite = new Dynamite({ ...testClientConfig(), ...extra, tables });
  dynamite.connect();
  await dynamite.sync();
  return dynamite;
}
