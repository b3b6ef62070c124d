// Runs outside Jest's module system, so it uses the built package (`npm test` builds first).
import { startDynamoLocal } from "../../dist/lib/testing/index.js";

/** One DynamoDB Local per Jest run; suites isolate themselves by credentials (see test-dynamite.ts). */
export default async function globalSetup() {
  const local = await startDynamoLocal();
  process.env.DYNAMITE_TEST_ENDPOINT = local.endpoint;
  globalThis.__dynamoLocal = local;
}
