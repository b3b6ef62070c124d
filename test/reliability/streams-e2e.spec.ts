import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Attribute, DeleteAt, Dynamite, Model, PrimaryKey, Table } from "../../lib/index.js";
import { mapConcurrent } from "../../lib/core/support/concurrency.js";
import { readStream } from "../helpers/stream-records.js";
import { testClientConfig, testEndpoint } from "../helpers/test-dynamite.js";
import { waitFor } from "../helpers/wait-for.js";
import { startConsumer, type ConsumerProcess, type SeenChange } from "./streams/consumer-process.js";

/** The same table as streams/e2e-item.mjs (the child's copy, in plain JavaScript). */
@Model({ stream: "NEW_AND_OLD_IMAGES" })
class E2eItem extends Table<E2eItem> {
  @PrimaryKey() declare sku: string;
  @Attribute() declare stock: number;
  @DeleteAt() declare deletedAt?: string;
}

const KEYS = 100;
/** Each key's life, 10 writes: insert, 6 stock updates, soft delete, restore, hard delete. */
const LIFE = [
  "insert:0",
  "modify:1",
  "modify:2",
  "modify:3",
  "modify:4",
  "modify:5",
  "modify:6",
  "trash:6",
  "restore:6",
  "remove:-",
];

async function live(sku: string): Promise<void> {
  const item = await E2eItem.create({ sku, stock: 0 });
  for (let stock = 1; stock <= 6; stock++) await item.update({ stock });
  await item.destroy();
  await item.restore();
  await item.forceDestroy();
}

const describeChange = (change: SeenChange) =>
  change.softDeleted
    ? `trash:${change.stock}`
    : change.restored
      ? `restore:${change.stock}`
      : `${change.type}:${change.stock ?? "-"}`;

describe("streams e2e: 1,000 writes, a consumer killed mid-way and restarted", () => {
  const accessKey = `e2e${randomUUID().replaceAll("-", "")}`;
  let dynamite: Dynamite;
  const processes: ConsumerProcess[] = [];

  beforeAll(async () => {
    dynamite = new Dynamite({ ...testClientConfig(accessKey), tables: [E2eItem] });
    dynamite.connect();
    await dynamite.sync();
  });
  afterAll(async () => {
    for (const { child, exited } of processes) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    }
    dynamite.disconnect();
  });

  it("every one of the 1,000 records reaches a handler, typed and in per-key order; a SIGTERM stop leaves nothing to redo", async () => {
    const started = Date.now();
    const marks: Record<string, number> = {};
    const mark = (name: string) => (marks[name] = Date.now() - started);
    const first = startConsumer(testEndpoint(), accessKey, 3);
    processes.push(first);
    await first.ready;
    mark("first ready");
    const keys = Array.from({ length: KEYS }, (_, i) => `sku-${String(i).padStart(3, "0")}`);
    const writing = mapConcurrent(keys, 50, live);

    // kill -9 while it is still working through the records
    await waitFor(() => first.changes.length >= 300, "300 changes in the first consumer", 40_000);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const seenByFirst = first.changes.length;
    mark("killed");
    await writing;
    mark("written");

    const second = startConsumer(testEndpoint(), accessKey);
    processes.push(second);
    const stream = (await readStream(dynamite.getClient(), "e2e_items")).map((record) => record.dynamodb!.SequenceNumber!);
    expect(stream).toHaveLength(1_000);
    const distinct = () => new Set([...first.changes, ...second.changes].map((change) => change.seq));
    await waitFor(() => distinct().size === 1_000, "all 1,000 records across both consumers", 40_000);
    mark("all seen");

    // clean stop, then a third start finds nothing left
    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: null, signal: "SIGTERM" });
    const third = startConsumer(testEndpoint(), accessKey);
    processes.push(third);
    await third.ready;
    await new Promise((resolve) => setTimeout(resolve, 500));
    third.child.kill("SIGTERM");
    await third.exited;
    mark("third done");

    const all = [...first.changes, ...second.changes];
    const duplicates = all.length - 1_000;
    // none lost, none invented
    expect([...distinct()].sort()).toEqual([...stream].sort());
    expect(seenByFirst).toBeLessThan(1_000);
    // redelivered are only the records after the first consumer's last checkpoint (batches of 100)
    expect(duplicates).toBeLessThanOrEqual(100);
    expect(third.changes).toEqual([]);
    // typed: hydrated instances, and per key the whole life in write order, in each consumer's own delivery
    expect(all.every((change) => change.hydrated)).toBe(true);
    for (const consumer of [first.changes, second.changes]) {
      const byKey = new Map<string, string[]>();
      for (const change of consumer) byKey.set(change.sku, [...(byKey.get(change.sku) ?? []), change.seq]);
      for (const seqs of byKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    }
    const firstSeen = new Map<string, SeenChange>();
    for (const change of all) if (!firstSeen.has(change.seq)) firstSeen.set(change.seq, change);
    const lives = new Map<string, string[]>();
    for (const seq of stream) {
      const change = firstSeen.get(seq)!;
      lives.set(change.sku, [...(lives.get(change.sku) ?? []), describeChange(change)]);
    }
    expect(lives.size).toBe(KEYS);
    for (const life of lives.values()) expect(life).toEqual(LIFE);
    // numbers for the README and reports: STREAMS_E2E_REPORT=/path/report.json npm run jest -- test/reliability/streams-e2e.spec.ts
    const report = process.env.STREAMS_E2E_REPORT;
    if (report)
      writeFileSync(
        report,
        JSON.stringify({ records: distinct().size, seenByFirst, duplicates, ms: Date.now() - started, marks }),
      );
  });
});
