import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import type { Dynamite, DynamiteConfig } from "../../lib/core/index.js";
import { recordRequests, type RequestRecorder } from "./request-recorder.js";
import { createTestDynamite } from "./test-dynamite.js";

/** A suite's own database and a request recorder that starts after seeding and is reset before each test. */
export interface TestDatabase {
  dynamite: Dynamite;
  recorder: RequestRecorder;
}

/**
 * Registers the hooks that give a suite its own connected, synced database (seeded once, before
 * the recorder starts) and disconnect it at the end.
 */
export function useTestDatabase(
  tables: DynamiteConfig["tables"],
  seed?: (dynamite: Dynamite) => Promise<unknown>,
  config: Partial<DynamiteConfig> = {},
): TestDatabase {
  const db = {} as TestDatabase;
  beforeAll(async () => {
    db.dynamite = await createTestDynamite(tables, config);
    await seed?.(db.dynamite);
    db.recorder = recordRequests(db.dynamite.getClient());
  });
  beforeEach(() => db.recorder.reset());
  afterAll(() => {
    db.recorder.stop();
    db.dynamite.disconnect();
  });
  return db;
}
