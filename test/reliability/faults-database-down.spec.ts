import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BatchWriteError, Dynamite } from "../../lib/core/index.js";
import { startDynamoLocal, type DynamoLocal } from "../../lib/testing/index.js";
import { Ledger } from "./faults/fault-models.js";
import { onEachAttempt } from "./faults/middleware.js";
import { report } from "../helpers/report.js";

/** DynamoDB Local on a data directory: stopped in the middle of writes, restarted on the same files. */
describe("faults: DynamoDB Local stopped mid-write and restarted on the same data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "dynamite-faults-"));
  let local: DynamoLocal;
  let dynamite: Dynamite;
  beforeAll(async () => {
    local = await startDynamoLocal({ dbPath: dir });
    dynamite = new Dynamite({
      endpoint: local.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "faults", secretAccessKey: "local" },
      maxAttempts: 1,
      requestTimeout: 10_000, // bounds the requests cut by the outage; a restarted database on a data directory can be slow to answer
      // DynamoDB Local on a data directory (SQLite on disk) answers 50 concurrent BatchWrites of a busy
      // machine slower than the 10 s bound; what this spec checks (exact reporting) holds at any concurrency
      concurrency: 16,
      tables: [Ledger],
    });
    dynamite.connect();
    await dynamite.sync();
  }, 60_000);
  afterAll(async () => {
    dynamite.disconnect();
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stops the database while the `nth` request of `command` is on its way, then restarts it on the same port and files. */
  async function outageDuring<T>(command: string, nth: number, write: () => Promise<T>): Promise<T | unknown> {
    let stopping: Promise<void> | undefined;
    const remove = onEachAttempt(dynamite.getClient(), command, (attempt) => {
      if (attempt === nth) stopping = local.stop();
    });
    const outcome = await write().catch((error: unknown) => error);
    remove();
    await stopping;
    local = await startDynamoLocal({ dbPath: dir, port: local.port });
    return outcome;
  }

  /** Waits until the restarted database answers a read (its first requests after a restart on a data directory can hang). */
  async function answering(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await Ledger.first({ id: "-" });
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
      }
    }
  }

  const storedIds = async (prefix: string) =>
    new Set((await Ledger.where({ id: { "begins-with": prefix } }, { attributes: ["id"] })).map((row) => row.id));

  it("createMany of 5,000 rows: the BatchWriteError names exactly the rows not written; every other row is stored", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: `m${String(i).padStart(4, "0")}`, amount: i }));
    const error = await outageDuring("BatchWriteItemCommand", 20, () => Ledger.createMany(rows));
    expect(error).toBeInstanceOf(BatchWriteError);
    const failure = error as BatchWriteError;
    const stored = await storedIds("m");
    const reported = new Set(failure.keys.map((key) => key.id as string));
    const unconfirmed = new Set(failure.unconfirmedKeys.map((key) => key.id as string));
    report(
      `createMany during an outage: ${stored.size} stored, ${reported.size} reported not written ` +
        `(${unconfirmed.size} of them in requests cut mid-flight), ${5_000 - stored.size - reported.size + [...reported].filter((id) => stored.has(id)).length} unaccounted`,
    );
    expect(reported.size).toBeGreaterThan(0);
    expect(failure.rows.map((row) => row.id)).toEqual([...reported]);
    for (const row of rows) if (!reported.has(row.id)) expect(stored.has(row.id)).toBe(true);
    for (const id of reported) if (!unconfirmed.has(id)) expect(stored.has(id)).toBe(false);
    // rows that may or may not have been written can be put again as they are
    const maybe = failure.rows.filter((row) => unconfirmed.has(row.id as string));
    // as the error says, the listed rows can be put again; a restarted database on a data directory may
    // leave a first request unanswered, so retry what the new error lists, as an app would
    await answering();
    let pending = maybe;
    for (let attempt = 0; attempt < 4 && pending.length; attempt++) {
      pending = await Ledger.createMany(pending as never).then(
        () => [],
        (retryError: unknown) => {
          if (!(retryError instanceof BatchWriteError)) throw retryError;
          return retryError.rows;
        },
      );
    }
    expect(pending).toEqual([]);
    const after = await storedIds("m");
    for (const row of maybe) expect(after.has(row.id as string)).toBe(true);
  }, 120_000);

  it("a transaction of 100 puts cut by the outage is all or nothing", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `t${String(i).padStart(3, "0")}`);
    const outcome = await outageDuring("TransactWriteItemsCommand", 1, () =>
      dynamite.tx(async () => {
        for (const id of ids) await Ledger.create({ id, amount: 1 });
      }),
    );
    const stored = await storedIds("t");
    report(
      `transaction during an outage: ${outcome instanceof Error ? `failed (${outcome.name})` : "committed"}, ${stored.size} of 100 rows stored`,
    );
    expect([0, 100]).toContain(stored.size);
    expect(stored.size === 100).toBe(!(outcome instanceof Error));
  }, 120_000);
});
