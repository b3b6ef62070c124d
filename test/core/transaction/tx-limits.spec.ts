import { describe, expect, it } from "@jest/globals";
import { MAX_TRANSACTION_ACTIONS, TransactionError, ValidationError } from "../../../lib/core/index.js";
import { Entry, Product } from "./fixtures.js";
import { storedItems, useTxDatabase } from "./tx-helpers.js";

describe("transaction limits and atomicity", () => {
  const db = useTxDatabase();

  it("100 actions whose 60th condition fails: one TransactWriteItems, nothing written, reason on index 59", async () => {
    await Product.create({ id: "taken" });
    const error = await db.dynamite
      .tx(async () => {
        for (let i = 0; i < 100; i++) {
          if (i === 59) await Product.create({ id: "taken", name: "duplicate" });
          else await Entry.create({ ledger: "hundred", seq: i, amount: i });
        }
      })
      .catch((e) => e);
    expect(db.attempts.attempts).toHaveLength(1);
    expect(db.attempts.lastItems()).toHaveLength(100);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons).toHaveLength(100);
    expect(error.reasons.filter((r: { code: string }) => r.code !== "None")).toEqual([
      { index: 59, model: "Product", key: { id: "taken" }, code: "ConditionalCheckFailed", message: expect.any(String) },
    ]);
    expect(error.conditionFailed).toBe(true);
    expect(await storedItems(db.dynamite, "entries")).toEqual([]);
    expect((await storedItems(db.dynamite, "products")).map((p) => p.name)).toEqual([undefined]);
  });

  it("100 actions commit atomically in one request", async () => {
    await db.dynamite.tx(async () => {
      for (let i = 0; i < MAX_TRANSACTION_ACTIONS; i++) await Entry.create({ ledger: "full", seq: i, amount: i });
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect((await storedItems(db.dynamite, "entries")).filter((e) => e.ledger === "full")).toHaveLength(100);
  });

  it("101 actions → ValidationError naming the limit before sending (zero TransactWriteItems), never split", async () => {
    const error = await db.dynamite
      .tx(async () => {
        for (let i = 0; i < 101; i++) await Entry.create({ ledger: "too-many", seq: i, amount: i });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ attribute: "actions", rule: "maxActions" });
    expect(error.message).toMatch(/101 actions .* DynamoDB allows 100\. Nothing was sent/);
    expect(db.recorder.count("TransactWriteItemsCommand")).toBe(0);
    expect(db.attempts.attempts).toHaveLength(0);
    expect((await storedItems(db.dynamite, "entries")).filter((e) => e.ledger === "too-many")).toEqual([]);
  });

  it("101 writes that merge into 100 actions are accepted", async () => {
    await db.dynamite.tx(async () => {
      const first = await Entry.create({ ledger: "merged", seq: 0, amount: 0 });
      await first.update({ amount: 1 });
      for (let i = 1; i < 100; i++) await Entry.create({ ledger: "merged", seq: i, amount: i });
    });
    expect(db.attempts.lastItems()).toHaveLength(100);
  });

  it("more than 4 MB of items → ValidationError naming the limit before sending", async () => {
    const big = "x".repeat(390 * 1024);
    const error = await db.dynamite
      .tx(async () => {
        for (let i = 0; i < 11; i++) await Product.create({ id: `big-${i}`, name: big });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ attribute: "size", rule: "maxBytes" });
    expect(error.message).toMatch(/about 4\.2 MB .* DynamoDB allows 4 MB/);
    expect(db.attempts.attempts).toHaveLength(0);
  });
});
