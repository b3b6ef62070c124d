import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  Attribute,
  ConflictError,
  Dynamite,
  PrimaryKey,
  Table,
  TransactionError,
  Version,
  type CreationOptional,
} from "../../lib/core/index.js";
import { createTestDynamite } from "../helpers/test-dynamite.js";

class Counter extends Table<Counter> {
  @PrimaryKey() declare id: string;
  @Attribute() declare hits: number;
}

class Stock extends Table<Stock> {
  @PrimaryKey() declare sku: string;
  @Attribute() declare units: number;
}

class Purchase extends Table<Purchase> {
  @PrimaryKey() declare id: string;
  @Attribute() declare sku: string;
}

class Document extends Table<Document> {
  @PrimaryKey() declare id: string;
  @Attribute() declare editors: string[];
  @Version() declare version: CreationOptional<number>;
}

describe("concurrency: no lost update, no oversell", () => {
  let dynamite: Dynamite;
  beforeAll(async () => {
    dynamite = await createTestDynamite([Counter, Stock, Purchase, Document]);
  });
  afterAll(() => dynamite.disconnect());

  it("100 concurrent increment()s on separately loaded instances add exactly 100", async () => {
    await Counter.create({ id: "c", hits: 0 });
    const copies = await Promise.all(Array.from({ length: 100 }, () => Counter.first({ id: "c" })));
    await Promise.all(copies.map((copy) => copy!.increment("hits")));
    expect((await Counter.first({ id: "c" }, { consistentRead: true }))?.hits).toBe(100);
  });

  it("20 concurrent checkouts of 5 units (tx + check + decrement) sell exactly 5, never more", async () => {
    await Stock.create({ sku: "s", units: 5 });
    const checkout = (buyer: number) =>
      dynamite.tx(async () => {
        const stock = (await Stock.first({ sku: "s" }))!;
        await Stock.check({ sku: "s" }, { units: { ">=": 1 } });
        await stock.decrement("units");
        await Purchase.create({ id: `p${buyer}`, sku: "s" });
      });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => checkout(i)));
    const sold = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(refused.every((reason) => reason instanceof TransactionError)).toBe(true);
    expect(sold).toBe(5);
    expect((await Stock.first({ sku: "s" }, { consistentRead: true }))?.units).toBe(0);
    expect(await Purchase.count({ sku: "s" })).toBe(5);
  });

  it("20 concurrent @Version writers (read-modify-write, retried on ConflictError) lose no update", async () => {
    await Document.create({ id: "d", editors: [] });
    let conflicts = 0;
    const edit = async (editor: string) => {
      for (;;) {
        const doc = (await Document.first({ id: "d" }, { consistentRead: true }))!;
        try {
          await doc.update({ editors: [...doc.editors, editor] });
          return;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => edit(`e${i}`)));
    const final = (await Document.first({ id: "d" }, { consistentRead: true }))!;
    expect([...final.editors].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`).sort());
    expect(final.version).toBe(21);
    expect(conflicts).toBeGreaterThan(0); // the writers did race
  });
});
