import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { Attribute, ConfigError, Model, PrimaryKey, StreamConsumer, Table, type ChangeRecord } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { activeTimers, waitFor } from "../../helpers/wait-for.js";

@Model({ stream: "NEW_AND_OLD_IMAGES" })
class Counter extends Table<Counter> {
  @PrimaryKey() declare id: string;
  @Attribute() declare n: number;
}

class Unstreamed extends Table<Unstreamed> {
  @PrimaryKey() declare id: string;
}

const label = (change: ChangeRecord<Counter>) => `${change.key.id}:${change.type}:${change.newImage?.n ?? "-"}`;

describe("StreamConsumer (polling with checkpoints)", () => {
  const db = useTestDatabase([Counter, Unstreamed]);
  const consumerOf = (onChange: (change: ChangeRecord) => unknown, extra: Record<string, unknown> = {}) =>
    new StreamConsumer(db.dynamite, {
      models: [Counter],
      onChange,
      pollInterval: 50,
      checkpointTable: "consumer_checkpoints",
      ...extra,
    });

  it("delivers each change once in write order; a restarted consumer resumes after its checkpoint; a stop leaves no timer", async () => {
    const timersBefore = activeTimers();
    const first: string[] = [];
    const consumer = consumerOf((change) => void first.push(label(change)), { consumer: "resume" });
    await consumer.start();
    for (let n = 1; n <= 5; n++) await Counter.create({ id: `c${n}`, n });
    await Counter.update({ n: 10 }, { id: "c1" });
    await waitFor(() => first.length === 6, "6 changes");
    await consumer.stop();
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    expect(first).toEqual(["c1:insert:1", "c2:insert:2", "c3:insert:3", "c4:insert:4", "c5:insert:5", "c1:modify:10"]);

    await (await Counter.first({ id: "c2" }))!.destroy();
    await Counter.create({ id: "c6", n: 6 });
    const second: string[] = [];
    const restarted = consumerOf((change) => void second.push(label(change)), { consumer: "resume" });
    await restarted.start();
    await waitFor(() => second.length === 2, "2 more changes");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await restarted.stop();
    expect(second).toEqual(["c2:remove:-", "c6:insert:6"]);

    const fresh: string[] = [];
    const other = consumerOf((change) => void fresh.push(label(change)), { consumer: "another-group" });
    await other.start();
    await waitFor(() => fresh.length === 8, "the other group's 8 changes");
    await other.stop();
    expect(fresh).toEqual([...first, ...second]);
  });

  it("a throwing handler gets the same record again after a backoff, and the shard waits for it (per-key order kept)", async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    let failures = 2;
    const consumer = consumerOf(
      (change) => {
        if (change.key.id === "c3" && failures-- > 0) throw new Error("projection unavailable");
        seen.push(String(change.key.id));
      },
      { consumer: "retry", onError: (error: unknown, table: string) => errors.push(`${table}: ${(error as Error).message}`) },
    );
    await consumer.start();
    await waitFor(() => seen.length === 8, "8 changes");
    await consumer.stop();
    expect(seen).toEqual(["c1", "c2", "c3", "c4", "c5", "c1", "c2", "c6"]);
    expect(errors).toEqual(["counters: projection unavailable", "counters: projection unavailable"]);
  });

  it("start() on a table without a stream rejects with a ConfigError and leaves nothing running", async () => {
    const timersBefore = activeTimers();
    const consumer = new StreamConsumer(db.dynamite, {
      models: [Counter, Unstreamed],
      onChange: () => undefined,
      pollInterval: 50,
    });
    await expect(consumer.start()).rejects.toThrow(
      new ConfigError(
        'Table unstreameds has no enabled stream: add @Model({ stream: "NEW_AND_OLD_IMAGES" }) to its model and run sync()',
      ),
    );
    await consumer.stop();
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it.each([
    [{ models: [] }, "at least one model class"],
    [{ models: [Counter], onChange: undefined }, "needs an `onChange` function"],
    [{ models: [Counter], batchSize: 0 }, "batchSize must be an integer from 1 to 1000, not 0"],
    [{ models: [Counter], batchSize: 1001 }, "batchSize must be an integer from 1 to 1000, not 1001"],
    [{ models: [Counter], pollInterval: Number.NaN }, "pollInterval must be a positive number of ms, not NaN"],
    [{ models: [Counter], consumer: "" }, "`consumer` must be a non-empty string"],
  ])("bad options %p are a ConfigError before anything is sent", (options, message) => {
    expect(() => new StreamConsumer(db.dynamite, { onChange: () => undefined, ...options } as never)).toThrow(message);
  });
});
