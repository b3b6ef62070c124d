import "reflect-metadata";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  Attribute,
  ConfigError,
  Outbox,
  OutboxError,
  PrimaryKey,
  Table,
  type OutboxRelay,
  type PublishedEvent,
} from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { waitFor } from "../../helpers/wait-for.js";

class OutboxOrder extends Table<OutboxOrder> {
  @PrimaryKey() declare id: string;
  @Attribute() declare total: number;
}

class OrderPlaced {
  constructor(
    readonly orderId: string,
    readonly at: Date,
  ) {}
  describe(): string {
    return `order ${this.orderId}`;
  }
}

describe("Outbox: events written in the same TransactWriteItems, relayed from the stream once per event id", () => {
  const db = useTestDatabase([OutboxOrder]);
  const outbox = () => new Outbox(db.dynamite, { tableName: "test_outbox", eventClasses: [OrderPlaced] });
  let removeSink: () => void;
  const relays: OutboxRelay[] = [];
  const relay = (deliver: (event: PublishedEvent) => unknown, consumer = "outbox") => {
    const started = outbox().relay({ deliver, consumer, pollInterval: 50, checkpointTable: "outbox_checkpoints" });
    relays.push(started);
    return started;
  };
  const row = async (id: string) =>
    (
      await DynamoDBDocumentClient.from(db.dynamite.getClient()).send(
        new GetCommand({ TableName: "test_outbox", Key: { id }, ConsistentRead: true }),
      )
    ).Item;

  beforeAll(async () => {
    removeSink = await outbox().install();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  it("an event published in tx() is one more Put in the same TransactWriteItems; a rolled-back one writes nothing", async () => {
    const ids: string[] = [];
    const spy = db.dynamite.events.addSink({ deliver: (event) => void ids.push(event.id) });
    await db.dynamite.tx(async () => {
      await OutboxOrder.create({ id: "o1", total: 10 });
      await db.dynamite.events.publish(new OrderPlaced("o1", new Date("2030-01-01T00:00:00Z")));
    });
    const [sent] = db.recorder.requests;
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(sent.input.TransactItems.map((item: Record<string, any>) => Object.values(item)[0].TableName)).toEqual([
      "outbox_orders",
      "test_outbox",
    ]);
    expect(await row(ids[0])).toMatchObject({ name: "OrderPlaced", payload: '{"orderId":"o1","at":"2030-01-01T00:00:00.000Z"}' });

    db.recorder.reset();
    await expect(
      db.dynamite.tx(async () => {
        await OutboxOrder.create({ id: "o-rolled-back", total: 1 });
        await db.dynamite.events.publish("order.placed", { id: "o-rolled-back" });
        throw new Error("payment declined");
      }),
    ).rejects.toThrow("payment declined");
    spy();
    expect(db.recorder.requests).toEqual([]);
    expect(ids).toHaveLength(1);
  });

  it("the relay delivers each event once (class payloads restored); a replay from the stream's start delivers none again", async () => {
    await db.dynamite.tx(() => db.dynamite.events.publish("order.shipped", { id: "o1" }));
    const delivered: PublishedEvent[] = [];
    const first = relay((event) => void delivered.push(event));
    await first.start();
    await waitFor(() => delivered.length === 2, "2 events");
    expect(delivered.map((event) => event.name)).toEqual(["OrderPlaced", "order.shipped"]);
    const placed = delivered[0].payload as OrderPlaced;
    expect(placed).toBeInstanceOf(OrderPlaced);
    expect(placed.describe()).toBe("order o1");
    expect((await row(delivered[0].id))?.publishedAt).toEqual(expect.any(String));

    await first.stop();
    // another consumer group has no checkpoint: it reads the whole stream again, and finds both published
    const replayed: PublishedEvent[] = [];
    await relay((event) => void replayed.push(event), "replay").start();
    await db.dynamite.events.publish("after.replay", {});
    await waitFor(() => replayed.length === 1, "the new event");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replayed.map((event) => event.name)).toEqual(["after.replay"]);
  });

  it("committed while no relay runs (a crash between commit and publish): the next relay delivers it exactly once", async () => {
    const first: PublishedEvent[] = [];
    const running = relay((event) => void first.push(event), "crash");
    await running.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await running.stop();
    await db.dynamite.tx(() => db.dynamite.events.publish("order.cancelled", { id: "o1" }));
    const second: PublishedEvent[] = [];
    await relay((event) => void second.push(event), "crash").start();
    await waitFor(() => second.length === 1, "the cancelled event");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.map((event) => event.name)).toEqual(["order.cancelled"]);
    expect(first).toEqual([]);
  });

  it("a failing handler gets the event again and it is marked published only after a delivery succeeded", async () => {
    const attempts: string[] = [];
    let fail = true;
    const errors: unknown[] = [];
    const started = outbox().relay({
      consumer: "failing",
      pollInterval: 50,
      checkpointTable: "outbox_checkpoints",
      onError: (error) => errors.push(error),
      deliver: async (event) => {
        if (event.name !== "mail.send") return;
        attempts.push(event.id);
        if (fail) {
          fail = false;
          expect((await row(event.id))?.publishedAt).toBeUndefined();
          throw new Error("smtp down");
        }
      },
    });
    relays.push(started);
    await db.dynamite.tx(() => db.dynamite.events.publish("mail.send", { to: "a@example.com" }));
    await started.start();
    await waitFor(() => attempts.length === 2, "the retry");
    expect(attempts[0]).toBe(attempts[1]);
    expect(errors).toEqual([new Error("smtp down")]);
  });

  it("an event published outside a transaction is written to the outbox at once and relayed", async () => {
    const seen: string[] = [];
    await relay((event) => void seen.push(event.name), "outside").start();
    await db.dynamite.events.publish("cache.flush", { region: "eu" });
    await waitFor(() => seen.includes("cache.flush"), "cache.flush");
  });

  it("a row deleted before the relay saw it (expired) is skipped", async () => {
    const ids: string[] = [];
    const spy = db.dynamite.events.addSink({ deliver: (event) => void ids.push(event.id) });
    await db.dynamite.tx(() => db.dynamite.events.publish("gone.soon", {}));
    spy();
    await DynamoDBDocumentClient.from(db.dynamite.getClient()).send(
      new DeleteCommand({ TableName: "test_outbox", Key: { id: ids[0] } }),
    );
    await db.dynamite.events.publish("still.here", {});
    const seen: string[] = [];
    await relay((event) => void seen.push(event.name), "expired").start();
    await waitFor(() => seen.includes("still.here"), "the later event");
    expect(seen).not.toContain("gone.soon");
  });

  it("a payload that is not JSON or too large fails publish() before anything is sent", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    db.recorder.reset();
    await expect(db.dynamite.tx(() => db.dynamite.events.publish("bad", cyclic))).rejects.toThrow(OutboxError);
    await expect(db.dynamite.tx(() => db.dynamite.events.publish("big", { blob: "x".repeat(400 * 1024) }))).rejects.toThrow(
      /an outbox row holds at most/,
    );
    await expect(db.dynamite.tx(() => db.dynamite.events.publish("bigint", { n: 1n }))).rejects.toThrow(OutboxError);
    expect(db.recorder.requests).toEqual([]);
  });

  it("bad options are ConfigErrors", () => {
    expect(() => new Outbox(db.dynamite, { tableName: "a" })).toThrow(ConfigError);
    expect(() => new Outbox(db.dynamite, { tableName: "bad name" })).toThrow(ConfigError);
    expect(() => new Outbox(db.dynamite, { retentionDays: 0 })).toThrow(ConfigError);
    expect(() => outbox().relay({} as never)).toThrow("needs a `deliver(event)` function");
    removeSink();
  });
});
