import { describe, expect, it } from "@jest/globals";
import {
  ConfigError,
  currentTransaction,
  DynamiteError,
  TransactionError,
  type PublishedEvent,
} from "../../../lib/core/index.js";
import { Product, TABLES } from "./fixtures.js";
import { storedItem } from "./tx-helpers.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class StockReserved {
  constructor(readonly productId: string) {}
}

describe("dynamite.events: domain events delivered after the commit", () => {
  const warnings: string[] = [];
  const db = useTestDatabase(TABLES, undefined, { warn: (message) => warnings.push(message) });

  /** Records every delivered event with the number of TransactWriteItems sent when it arrived. */
  const listen = () => {
    const seen: Array<{ event: PublishedEvent; transactsBefore: number; ambient: boolean }> = [];
    const remove = db.dynamite.events.addSink({
      deliver: (event) => {
        seen.push({ event, transactsBefore: db.recorder.count("TransactWriteItemsCommand"), ambient: !!currentTransaction() });
      },
    });
    return { seen, remove };
  };

  it("published inside tx(): delivered once, after the one TransactWriteItems, with name, payload and the transaction's token", async () => {
    const { seen, remove } = listen();
    let token = "";
    await db.dynamite.tx(async (tx) => {
      token = tx.token;
      await Product.create({ id: "ev-1" });
      await db.dynamite.events.publish(new StockReserved("ev-1"));
      await db.dynamite.events.publish("product.created", { id: "ev-1" });
      expect(seen).toEqual([]);
    });
    remove();
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(seen.map((s) => [s.event.name, s.event.payload, s.event.transaction, s.transactsBefore, s.ambient])).toEqual([
      ["StockReserved", new StockReserved("ev-1"), token, 1, false],
      ["product.created", { id: "ev-1" }, token, 1, false],
    ]);
    expect(new Set(seen.map((s) => s.event.id)).size).toBe(2);
  });

  it("a callback that throws sends nothing and delivers nothing", async () => {
    const { seen, remove } = listen();
    await expect(
      db.dynamite.tx(async () => {
        await Product.create({ id: "ev-thrown" });
        await db.dynamite.events.publish("product.created", { id: "ev-thrown" });
        throw new Error("handler failed");
      }),
    ).rejects.toThrow("handler failed");
    remove();
    expect(db.recorder.count("TransactWriteItemsCommand")).toBe(0);
    expect(seen).toEqual([]);
  });

  it("a transaction DynamoDB cancels (condition failed) delivers nothing", async () => {
    await Product.create({ id: "ev-stock", stock: 1 });
    db.recorder.reset();
    const { seen, remove } = listen();
    const error = await db.dynamite
      .tx(async () => {
        await Product.check({ id: "ev-stock" }, { stock: { ">=": 5 } });
        await Product.create({ id: "ev-cancelled" });
        await db.dynamite.events.publish("product.created", { id: "ev-cancelled" });
      })
      .catch((e) => e);
    remove();
    expect(error).toBeInstanceOf(TransactionError);
    expect(db.recorder.requests.map((r) => [r.command, r.error])).toEqual([
      ["TransactWriteItemsCommand", "TransactionCanceledException"],
    ]);
    expect(seen).toEqual([]);
  });

  it("published outside a transaction: delivered before publish() resolves, without a token", async () => {
    const { seen, remove } = listen();
    await db.dynamite.events.publish("ping", 1);
    remove();
    expect(seen.map((s) => [s.event.name, s.event.payload, s.event.transaction])).toEqual([["ping", 1, undefined]]);
  });

  it("sinks run outside the committed transaction: a write in a sink is its own PutItem after the commit", async () => {
    const ambient: unknown[] = [];
    const remove = db.dynamite.events.addSink({
      deliver: async (event) => {
        ambient.push(currentTransaction());
        await Product.create({ id: `audit-${(event.payload as { id: string }).id}` });
      },
    });
    await db.dynamite.tx(async () => {
      await Product.create({ id: "ev-audited" });
      await db.dynamite.events.publish("product.created", { id: "ev-audited" });
    });
    remove();
    expect(ambient).toEqual([undefined]);
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand", "PutItemCommand"]);
    expect(await storedItem(db.dynamite, "products", { id: "audit-ev-audited" })).toBeDefined();
  });

  it("a nested tx() that joins delivers its events once, after the outer commit", async () => {
    const { seen, remove } = listen();
    await db.dynamite.tx(async () => {
      await db.dynamite.tx(async () => {
        await Product.create({ id: "ev-nested" });
        await db.dynamite.events.publish("product.created", { id: "ev-nested" });
      });
      expect(seen).toEqual([]);
    });
    remove();
    expect(seen.map((s) => [s.event.name, s.transactsBefore])).toEqual([["product.created", 1]]);
  });

  it("REQUIRES_NEW: the inner transaction's event is delivered at the inner commit, even though the outer one fails", async () => {
    const { seen, remove } = listen();
    await expect(
      db.dynamite.tx(async () => {
        await db.dynamite.events.publish("outer.event", {});
        await db.dynamite.tx(
          async () => {
            await Product.create({ id: "ev-inner-new" });
            await db.dynamite.events.publish("inner.event", {});
          },
          { propagation: "REQUIRES_NEW" },
        );
        expect(seen.map((s) => s.event.name)).toEqual(["inner.event"]);
        throw new Error("outer failed");
      }),
    ).rejects.toThrow("outer failed");
    remove();
    expect(seen.map((s) => [s.event.name, s.transactsBefore, s.ambient])).toEqual([["inner.event", 1, false]]);
  });

  it("NOT_SUPPORTED inside a transaction: the event is delivered at once, and stays delivered when the outer rolls back", async () => {
    const { seen, remove } = listen();
    await db.dynamite
      .tx(async () => {
        await db.dynamite.tx(() => db.dynamite.events.publish("direct.event", {}), { propagation: "NOT_SUPPORTED" });
        expect(seen).toHaveLength(1);
        throw new Error("outer failed");
      })
      .catch(() => undefined);
    remove();
    expect(seen.map((s) => [s.event.name, s.event.transaction])).toEqual([["direct.event", undefined]]);
  });

  it("a failing sink is reported through `warn`; the commit stands and the other sinks still get the event", async () => {
    warnings.length = 0;
    const failing = db.dynamite.events.addSink({
      deliver: () => {
        throw new Error("listener broke");
      },
    });
    const { seen, remove } = listen();
    await db.dynamite.tx(async () => {
      await Product.create({ id: "ev-failing-sink" });
      await db.dynamite.events.publish("product.created", {});
    });
    failing();
    remove();
    expect(seen).toHaveLength(1);
    expect(warnings).toEqual(['Dynamite: delivering event "product.created" failed: listener broke']);
    expect(await storedItem(db.dynamite, "products", { id: "ev-failing-sink" })).toBeDefined();
  });

  it("an outbox sink stages a Put in the same TransactWriteItems (2 items); on rollback there is no outbox row", async () => {
    const outbox = db.dynamite.events.addSink({
      stage: (event, tx) => tx.addPut("products", { id: `outbox-${event.id}`, name: event.name }),
    });
    const ids: string[] = [];
    const remove = db.dynamite.events.addSink({ deliver: (event) => void ids.push(event.id) });
    await db.dynamite.tx(async () => {
      await Product.create({ id: "ev-outbox" });
      await db.dynamite.events.publish("product.created", {});
    });
    expect(db.recorder.requests.map((r) => [r.command, r.input.TransactItems?.length])).toEqual([
      ["TransactWriteItemsCommand", 2],
    ]);
    expect(await storedItem(db.dynamite, "products", { id: `outbox-${ids[0]}` })).toMatchObject({ name: "product.created" });

    await db.dynamite
      .tx(async () => {
        await db.dynamite.events.publish("product.created", {});
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    outbox();
    remove();
    expect(ids).toHaveLength(1);
    expect(db.recorder.count("TransactWriteItemsCommand")).toBe(1);
  });

  it("refuses events it cannot name and sinks without a method, before anything is queued", async () => {
    const publish = db.dynamite.events.publish.bind(db.dynamite.events) as (...args: unknown[]) => Promise<void>;
    for (const bad of [[null], [undefined], [42], [""], ["   "], [{}], [Object.create(null)]]) {
      await expect(publish(...bad)).rejects.toBeInstanceOf(DynamiteError);
    }
    for (const sink of [undefined, {}, { deliver: "no" }]) {
      expect(() => db.dynamite.events.addSink(sink as never)).toThrow(ConfigError);
    }
  });
});
