// Runs outside Jest's module system, so it uses the built package (`npm test` builds first).
import { startDynamoLocal } from "../../dist/lib/testing/index.js";

/** One DynamoDB Local per Jest run; suites isolate themselves by credentials (see test-dynamite.ts). */
export default async function globalSetup() {
  // a loaded machine (CI, parallel sessions) can take more than the default 30 s to start the JVM
  const local = await startDynamoLocal({ startTimeoutMs: 120_000 });
  process.env.DYNAMITE_TEST_ENDPOINT = local.endpoint;
  globalThis.__dynamoLocal = local;
}
