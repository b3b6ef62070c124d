import { describe, expect, it } from "@jest/globals";
import { NotFoundError, TransactionError } from "../../../lib/core/index.js";
import { isPersisted } from "../../../lib/core/instance/instance-state.js";
import { Product, User } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

/** DynamoDB refuses two actions on one item in a transaction, so writes to one item become one action. */
describe("merging writes to the same item", () => {
  const db = useTxDatabase();

  it("create then update then save → one Put with the final attributes, still never overwriting", async () => {
    const user = await db.dynamite.tx(async () => {
      const created = await User.create({ id: "m-put", name: "First" });
      await created.update({ name: "Second" });
      created.status = "final";
      await created.save();
      return created;
    });
    const items = db.attempts.lastItems();
    expect(items).toHaveLength(1);
    expect(items[0].Put.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(items[0].Put.Item).toMatchObject({ id: "m-put", name: "Second", status: "final" });
    expect(await storedItem(db.dynamite, "users", { id: "m-put" })).toMatchObject({ name: "Second", status: "final" });
    expect(isPersisted(user)).toBe(true);
  });

  it("create then increment → one Put with the incremented value", async () => {
    await db.dynamite.tx(async () => {
      const product = await Product.create({ id: "m-inc", stock: 2 });
      await product.increment("stock", 5);
    });
    expect(db.attempts.lastItems()).toHaveLength(1);
    expect((await storedItem(db.dynamite, "products", { id: "m-inc" }))?.stock).toBe(7);
  });

  it("update then update → one Update carrying both changes", async () => {
    const user = await User.create({ id: "m-upd", name: "A" });
    const counter = await Product.create({ id: "m-add", stock: 1 });
    await db.dynamite.tx(async () => {
      await user.update({ name: "B" });
      await user.update({ status: "two" });
      await counter.increment("stock", 2);
      await counter.increment("stock", 3);
    });
    const items = db.attempts.lastItems();
    expect(items.map((item) => Object.keys(item)[0])).toEqual(["Update", "Update"]);
    expect(items[1].Update.UpdateExpression).toMatch(/^ADD #n\d :v\d$/);
    expect(Object.values(items[1].Update.ExpressionAttributeValues)).toEqual([5]);
    expect(await storedItem(db.dynamite, "users", { id: "m-upd" })).toMatchObject({ name: "B", status: "two" });
    expect((await storedItem(db.dynamite, "products", { id: "m-add" }))?.stock).toBe(6);
    expect(counter.stock).toBe(6);
  });

  it("create then forceDestroy → one ConditionCheck that the key was free; nothing written, the instance reads as gone", async () => {
    let user: User | undefined;
    await db.dynamite.tx(async () => {
      user = await User.create({ id: "m-none", name: "Ghost" });
      await user.forceDestroy();
    });
    const items = db.attempts.lastItems();
    expect(items.map((item) => Object.keys(item)[0])).toEqual(["ConditionCheck"]);
    expect(items[0].ConditionCheck.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(await storedItem(db.dynamite, "users", { id: "m-none" })).toBeUndefined();
    expect(isPersisted(user!)).toBe(false);
  });

  it("update then forceDestroy → one Delete that keeps the update's existence condition", async () => {
    const user = await User.create({ id: "m-del", name: "D" });
    await db.dynamite.tx(async () => {
      await user.update({ name: "changed first" });
      await user.forceDestroy();
    });
    const [item] = db.attempts.lastItems();
    expect(Object.keys(item)).toEqual(["Delete"]);
    expect(item.Delete.ConditionExpression).toBe("attribute_exists(#n0)");
    expect(await storedItem(db.dynamite, "users", { id: "m-del" })).toBeUndefined();
  });

  it("forceDestroy then create → one Put replacing the row, on the condition the delete had (the row exists)", async () => {
    const old = await Product.create({ id: "m-replace", name: "old", stock: 9 });
    await db.dynamite.tx(async () => {
      await old.forceDestroy();
      await Product.create({ id: "m-replace", name: "new" });
    });
    const [item] = db.attempts.lastItems();
    expect(item.Put.ConditionExpression).toBe("attribute_exists(#n0)");
    expect(item.Put.ExpressionAttributeNames).toEqual({ "#n0": "id" });
    expect(await storedItem(db.dynamite, "products", { id: "m-replace" })).toEqual({ id: "m-replace", name: "new", stock: 0 });
  });

  it("a check and a write on the same item → one write carrying the check's condition", async () => {
    const product = await Product.create({ id: "m-check", stock: 3 });
    await db.dynamite.tx(async () => {
      await Product.check({ id: "m-check" }, { stock: { ">=": 2 } });
      await product.decrement("stock", 2);
    });
    const [item] = db.attempts.lastItems();
    expect(Object.keys(item)).toEqual(["Update"]);
    expect(item.Update.ConditionExpression).toMatch(/attribute_exists.* AND .*>=/);
    expect((await storedItem(db.dynamite, "products", { id: "m-check" }))?.stock).toBe(1);
    // now the check fails: the merged write is cancelled with ConditionalCheckFailed
    const error = await db.dynamite
      .tx(async () => {
        await product.decrement("stock", 2);
        await Product.check({ id: "m-check" }, { stock: { ">=": 2 } });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons).toEqual([
      expect.objectContaining({ index: 0, model: "Product", key: { id: "m-check" }, code: "ConditionalCheckFailed" }),
    ]);
    expect((await storedItem(db.dynamite, "products", { id: "m-check" }))?.stock).toBe(1);
  });

  it("forceDestroy then update → NotFoundError before anything is sent (the update would find no row)", async () => {
    const product = await Product.create({ id: "m-bad", stock: 1 });
    const error = await db.dynamite
      .tx(async () => {
        await Product.create({ id: "m-bad-other" });
        await product.forceDestroy();
        await product.increment("stock", 1);
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/Product with key id="m-bad" does not exist/);
    expect(db.attempts.attempts).toHaveLength(0);
    expect(await storedItem(db.dynamite, "products", { id: "m-bad" })).toBeDefined();
    expect(await storedItem(db.dynamite, "products", { id: "m-bad-other" })).toBeUndefined();
  });

  it("a raw addUpdate and a model write to the same item cannot be merged → TransactionError before sending", async () => {
    const product = await Product.create({ id: "m-raw", stock: 1 });
    const error = await db.dynamite
      .tx(async (tx) => {
        await product.increment("stock", 1);
        tx.addUpdate({
          TableName: "products",
          Key: { id: "m-raw" },
          UpdateExpression: "SET #n = :n",
          ExpressionAttributeNames: { "#n": "name" },
          ExpressionAttributeValues: { ":n": "raw" },
        });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.message).toMatch(/an Update followed by an Update .*cannot be merged/);
    expect(db.attempts.attempts).toHaveLength(0);
  });
});
