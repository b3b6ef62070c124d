import { describe, expect, it } from "@jest/globals";
import { currentTransaction, TransactionContext, TransactionError } from "../../../lib/core/index.js";
import { isPersisted } from "../../../lib/core/instance/instance-state.js";
import { Order, Product, User } from "./fixtures.js";
import { lastTransactItems, storedItem, storedItems, useTxDatabase } from "./tx-helpers.js";

describe("dynamite.tx() API", () => {
  const db = useTxDatabase();

  it("returns the callback's value and commits its writes in one TransactWriteItems", async () => {
    const result = await db.dynamite.tx(async (tx) => {
      const user = await User.create({ name: "Ret" }, tx);
      await Order.create({ user_id: user.id, total: 5 }, tx);
      return user.id;
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(lastTransactItems(db.recorder)).toHaveLength(2);
    expect(await storedItem(db.dynamite, "users", { id: result })).toMatchObject({ name: "Ret" });
  });

  it("writes without a tx argument join the open transaction (AsyncLocalStorage)", async () => {
    await db.dynamite.tx(async (tx) => {
      expect(currentTransaction()).toBe(tx);
      await Product.create({ id: "ambient-1" });
      await Promise.all([Product.create({ id: "ambient-2" }), Product.create({ id: "ambient-3" })]);
      expect(db.recorder.count("PutItemCommand")).toBe(0);
      expect(tx.size).toBe(3);
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(lastTransactItems(db.recorder)).toHaveLength(3);
    expect(currentTransaction()).toBeUndefined();
  });

  it("a nested tx() joins the outer transaction: one TransactWriteItems at the outer end", async () => {
    let inner: TransactionContext | undefined;
    await db.dynamite.tx(async (outer) => {
      await Product.create({ id: "nest-outer" });
      await db.dynamite.tx(async (tx) => {
        inner = tx;
        await Product.create({ id: "nest-inner" });
      });
      expect(db.recorder.count("TransactWriteItemsCommand")).toBe(0);
      expect(inner).toBe(outer);
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(lastTransactItems(db.recorder)).toHaveLength(2);
  });

  it("a nested tx() that throws, even when the outer callback catches it, rolls back everything", async () => {
    const error = await db.dynamite
      .tx(async () => {
        await Product.create({ id: "rollback-outer" });
        await db.dynamite
          .tx(async () => {
            await Product.create({ id: "rollback-inner" });
            throw new Error("inner failure");
          })
          .catch(() => undefined);
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.message).toMatch(/nested tx\(\) failed/);
    expect(db.attempts.attempts).toHaveLength(0);
    expect(await storedItem(db.dynamite, "products", { id: "rollback-outer" })).toBeUndefined();
  });

  it("a callback that throws sends nothing and leaves the tables unchanged", async () => {
    const before = await storedItems(db.dynamite, "products");
    const error = await db.dynamite
      .tx(async (tx) => {
        await Product.create({ id: "thrown-1" }, tx);
        await Product.create({ id: "thrown-2" });
        throw new Error("boom");
      })
      .catch((e) => e);
    expect(error.message).toBe("boom");
    expect(db.attempts.attempts).toHaveLength(0);
    expect(await storedItems(db.dynamite, "products")).toEqual(before);
  });

  it("an instance created in a transaction reads as not persisted until commit, persisted after", async () => {
    let created: User | undefined;
    await db.dynamite.tx(async (tx) => {
      created = await User.create({ name: "Pending" }, tx);
      expect(isPersisted(created)).toBe(false);
    });
    expect(isPersisted(created!)).toBe(true);
    // persisted now, so a change is an UpdateItem of the changed attributes, not a second insert
    db.recorder.reset();
    created!.name = "Saved";
    await created!.save();
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
  });

  it("afterCommit hooks run after a successful commit, in order", async () => {
    const calls: string[] = [];
    await db.dynamite.tx(async (tx) => {
      tx.afterCommit(() => calls.push(`first:${db.recorder.count("TransactWriteItemsCommand")}`));
      await Product.create({ id: "hook-ok" });
      tx.afterCommit(async () => calls.push("second"));
      calls.push("callback");
    });
    expect(calls).toEqual(["callback", "first:1", "second"]);
  });

  it("a write made in an afterCommit hook is sent on its own, after the transaction", async () => {
    await db.dynamite.tx(async (tx) => {
      await Product.create({ id: "hook-tx" });
      tx.afterCommit(() => Product.create({ id: "hook-after" }));
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand", "PutItemCommand"]);
    expect(await storedItem(db.dynamite, "products", { id: "hook-after" })).toBeDefined();
  });

  it("a hook that commits inside the transaction's async context still writes on its own", async () => {
    const { runInWriteScope } = await import("../../../lib/core/engine/write-scope.js");
    const { documentClientFor } = await import("../../../lib/core/engine/engine-context.js");
    const tx = new TransactionContext(documentClientFor(db.dynamite.getClient()));
    await runInWriteScope(tx, async () => {
      await Product.create({ id: "scoped-in-tx" });
      tx.afterCommit(() => Product.create({ id: "scoped-after" }));
      await tx.commit(); // as a runner that commits inside the scope would
      expect(currentTransaction()).toBeUndefined();
    });
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand", "PutItemCommand"]);
  });

  it("afterCommit hooks never run after a failed commit or a thrown callback", async () => {
    await Product.create({ id: "hook-dup" });
    const calls: string[] = [];
    const cancelled = await db.dynamite
      .tx(async (tx) => {
        tx.afterCommit(() => calls.push("cancelled"));
        await Product.create({ id: "hook-dup" });
      })
      .catch((e) => e);
    expect(cancelled).toBeInstanceOf(TransactionError);
    await db.dynamite
      .tx(async (tx) => {
        tx.afterCommit(() => calls.push("thrown"));
        throw new Error("no");
      })
      .catch(() => undefined);
    expect(calls).toEqual([]);
  });

  it("Model.check() queues a ConditionCheck; a failing check cancels the other writes", async () => {
    await Product.create({ id: "checked", stock: 1 });
    const error = await db.dynamite
      .tx(async () => {
        await Product.check({ id: "checked" }, { stock: { ">=": 2 } });
        await Order.create({ id: "needs-stock", user_id: "u", total: 1 });
      })
      .catch((e) => e);
    expect(db.attempts.lastItems()[0].ConditionCheck).toMatchObject({ TableName: "products", Key: { id: "checked" } });
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons.map((r: { code: string }) => r.code)).toEqual(["ConditionalCheckFailed", "None"]);
    expect(await storedItem(db.dynamite, "orders", { id: "needs-stock" })).toBeUndefined();
    await db.dynamite.tx(async () => {
      await Product.check({ id: "checked" }, { stock: { ">=": 1 } });
      await Order.create({ id: "has-stock", user_id: "u", total: 1 });
    });
    expect(await storedItem(db.dynamite, "orders", { id: "has-stock" })).toBeDefined();
  });

  it("Model.check() outside a transaction is an error, and nothing is sent", async () => {
    await expect(Product.check({ id: "checked" }, { stock: 1 })).rejects.toThrow(/inside dynamite\.tx/);
    expect(db.recorder.requests).toHaveLength(0);
  });

  it("a TransactionContext refuses writes once committed", async () => {
    let kept: TransactionContext | undefined;
    await db.dynamite.tx(async (tx) => {
      kept = tx;
    });
    expect(kept!.state).toBe("committed");
    await expect(Product.create({ id: "late" }, kept)).rejects.toThrow(TransactionError);
  });

  it("addPut, addDelete, addUpdate and addConditionCheck queue raw actions committed together", async () => {
    await Product.create({ id: "raw-del" });
    await Product.create({ id: "raw-upd", stock: 1 });
    await db.dynamite.tx(async (tx) => {
      tx.addPut("products", { id: "raw-put", stock: 3 });
      tx.addDelete("products", { id: "raw-del" });
      tx.addUpdate({
        TableName: "products",
        Key: { id: "raw-upd" },
        UpdateExpression: "SET #s = #s + :one",
        ExpressionAttributeNames: { "#s": "stock" },
        ExpressionAttributeValues: { ":one": 1 },
      });
      tx.addConditionCheck({
        TableName: "products",
        Key: { id: "checked" },
        ConditionExpression: "attribute_exists(#id)",
        ExpressionAttributeNames: { "#id": "id" },
      });
    });
    expect(db.recorder.count("TransactWriteItemsCommand")).toBe(1);
    expect(lastTransactItems(db.recorder).map((item) => Object.keys(item)[0])).toEqual([
      "Put",
      "Delete",
      "Update",
      "ConditionCheck",
    ]);
    expect(await storedItem(db.dynamite, "products", { id: "raw-put" })).toEqual({ id: "raw-put", stock: 3 });
    expect(await storedItem(db.dynamite, "products", { id: "raw-del" })).toBeUndefined();
    expect((await storedItem(db.dynamite, "products", { id: "raw-upd" }))?.stock).toBe(2);
  });

  it("an explicitly constructed TransactionContext commits with commit()", async () => {
    const { documentClientFor } = await import("../../../lib/core/engine/engine-context.js");
    const tx = new TransactionContext(documentClientFor(db.dynamite.getClient()));
    tx.addPut("products", { id: "manual", stock: 1 });
    await tx.commit();
    expect(await storedItem(db.dynamite, "products", { id: "manual" })).toEqual({ id: "manual", stock: 1 });
  });
});
