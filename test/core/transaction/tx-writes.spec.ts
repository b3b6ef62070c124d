import { describe, expect, it } from "@jest/globals";
import { Entry, Product, User } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

/** What each kind of write becomes inside a transaction (one action each, checked on the wire and in the table). */
describe("each write inside tx()", () => {
  const db = useTxDatabase();

  const only = () => {
    expect(db.attempts.attempts).toHaveLength(1);
    const items = db.attempts.lastItems();
    expect(items).toHaveLength(1);
    return items[0];
  };
  const namesIn = (params: Record<string, any>) => Object.values(params.ExpressionAttributeNames ?? {}).sort();

  it("create → Put with attribute_not_exists on the key", async () => {
    await db.dynamite.tx((tx) => User.create({ id: "w-create", name: "C" }, tx));
    const { Put } = only();
    expect(Put.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(Put.ExpressionAttributeNames).toEqual({ "#n0": "id" });
    expect(Put.Item).toMatchObject({ id: "w-create", name: "C", visits: 0 });
    expect(await storedItem(db.dynamite, "users", { id: "w-create" })).toMatchObject({ name: "C" });
  });

  it("save of a loaded instance → Update of the changed attributes only", async () => {
    const user = await User.create({ id: "w-save", name: "Before" });
    user.name = "After";
    await db.dynamite.tx((tx) => user.save(tx));
    const { Update } = only();
    expect(namesIn(Update)).toEqual(["id", "name", "updatedAt"]);
    expect(Update.ConditionExpression).toBe("attribute_exists(#n2)");
    expect(await storedItem(db.dynamite, "users", { id: "w-save" })).toMatchObject({ name: "After" });
  });

  it("instance update → Update of the changed attributes only", async () => {
    const user = await User.create({ id: "w-update", name: "Before" });
    await db.dynamite.tx(async () => {
      await user.update({ status: "active" });
    });
    const { Update } = only();
    expect(namesIn(Update)).toEqual(["id", "status", "updatedAt"]);
    expect(await storedItem(db.dynamite, "users", { id: "w-update" })).toMatchObject({ name: "Before", status: "active" });
  });

  it("destroy on a soft-delete model → Update of the delete timestamp", async () => {
    const user = await User.create({ id: "w-soft", name: "S" });
    await db.dynamite.tx((tx) => user.destroy(tx));
    const { Update } = only();
    expect(namesIn(Update)).toEqual(["deletedAt", "id"]);
    expect(Update.UpdateExpression).toMatch(/^SET #n\d = :v\d$/);
    expect((await storedItem(db.dynamite, "users", { id: "w-soft" }))?.deletedAt).toEqual(user.deletedAt);
  });

  it("destroy on a hard-delete model and forceDestroy → Delete of a row that must exist", async () => {
    const product = await Product.create({ id: "w-hard" });
    const user = await User.create({ id: "w-force", name: "F" });
    await db.dynamite.tx(async () => {
      await product.destroy();
      await user.forceDestroy();
    });
    expect(db.attempts.lastItems()).toEqual([
      {
        Delete: {
          TableName: "products",
          Key: { id: "w-hard" },
          ConditionExpression: "attribute_exists(#n0)",
          ExpressionAttributeNames: { "#n0": "id" },
        },
      },
      {
        Delete: {
          TableName: "users",
          Key: { id: "w-force" },
          ConditionExpression: "attribute_exists(#n0)",
          ExpressionAttributeNames: { "#n0": "id" },
        },
      },
    ]);
    expect(await storedItem(db.dynamite, "products", { id: "w-hard" })).toBeUndefined();
    expect(await storedItem(db.dynamite, "users", { id: "w-force" })).toBeUndefined();
  });

  it("restore → Update removing the delete timestamp", async () => {
    const user = await User.create({ id: "w-restore", name: "R" });
    await user.destroy();
    await db.dynamite.tx((tx) => user.restore(tx));
    const { Update } = only();
    expect(Update.UpdateExpression).toMatch(/^REMOVE #n\d$/);
    expect(await storedItem(db.dynamite, "users", { id: "w-restore" })).not.toHaveProperty("deletedAt");
    expect(user.deletedAt).toBeUndefined();
  });

  it("increment → Update ADD with attribute_exists; decrement adds a negative number", async () => {
    const product = await Product.create({ id: "w-inc", stock: 5 });
    await db.dynamite.tx((tx) => product.increment("stock", 3, tx));
    const { Update } = only();
    expect(Update.UpdateExpression).toMatch(/^ADD #n\d :v\d$/);
    expect(Update.ConditionExpression).toMatch(/^attribute_exists\(#n\d\)$/);
    expect(product.stock).toBe(8);
    db.attempts.reset();
    await db.dynamite.tx((tx) => product.decrement("stock", 2, tx));
    expect(Object.values(only().Update.ExpressionAttributeValues)).toContain(-2);
    expect((await storedItem(db.dynamite, "products", { id: "w-inc" }))?.stock).toBe(6);
    expect(product.stock).toBe(6);
  });

  it("createMany → one insert Put per row in the same TransactWriteItems (no BatchWriteItem)", async () => {
    await db.dynamite.tx(async () => {
      await User.create({ id: "w-many-owner", name: "O" });
      await Product.createMany([{ id: "w-many-1" }, { id: "w-many-2" }, { id: "w-many-3" }]);
    });
    expect(db.attempts.attempts).toHaveLength(1);
    const items = db.attempts.lastItems();
    expect(items).toHaveLength(4);
    expect(items.slice(1).map((item) => [item.Put.Item.id, item.Put.ConditionExpression])).toEqual([
      ["w-many-1", "attribute_not_exists(#n0)"],
      ["w-many-2", "attribute_not_exists(#n0)"],
      ["w-many-3", "attribute_not_exists(#n0)"],
    ]);
    expect(await storedItem(db.dynamite, "products", { id: "w-many-3" })).toBeDefined();
  });

  it("static update → one Update per matching row, in one transaction (the read goes straight to the table)", async () => {
    await Entry.create({ ledger: "w-static", seq: 1, amount: 1 });
    await Entry.create({ ledger: "w-static", seq: 2, amount: 2 });
    const count = await db.dynamite.tx((tx) => Entry.update({ amount: 10 }, { ledger: "w-static" }, tx));
    expect(count).toBe(2);
    expect(db.attempts.attempts).toHaveLength(1);
    expect(db.attempts.lastItems().map((item) => Object.keys(item)[0])).toEqual(["Update", "Update"]);
    expect((await storedItem(db.dynamite, "entries", { ledger: "w-static", seq: 2 }))?.amount).toBe(10);
  });

  it("static delete → soft-delete Updates on a soft-delete model, Deletes otherwise", async () => {
    await User.create({ id: "w-sdel", name: "gone", status: "old" });
    await Entry.create({ ledger: "w-hdel", seq: 1, amount: 1 });
    await db.dynamite.tx(async () => {
      expect(await User.delete({ id: "w-sdel" })).toBe(1);
      expect(await Entry.delete({ ledger: "w-hdel" })).toBe(1);
    });
    expect(db.attempts.lastItems().map((item) => Object.keys(item)[0])).toEqual(["Update", "Delete"]);
    expect((await storedItem(db.dynamite, "users", { id: "w-sdel" }))?.deletedAt).toEqual(expect.any(String));
    expect(await storedItem(db.dynamite, "entries", { ledger: "w-hdel", seq: 1 })).toBeUndefined();
  });
});
