// Runs outside Jest's module system, so it uses the built package (`npm test` builds first).
import { startDynamoLocal } from "../../dist/lib/testing/index.js";

/** One DynamoDB Local per Jest run; suites isolate themselves by credentials (see test-dynamite.ts). */
export default async function globalSetup() {
  // a generous start budget: on a busy 2-core machine the JVM alone can take over 30 s to answer
  const local = await startDynamoLocal({ startTimeoutMs: 120_000 });
  process.env.DYNAMITE_TEST_ENDPOINT = local.endpoint;
  globalThis.__dynamoLocal = local;
}
