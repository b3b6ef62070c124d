import { describe, expect, it } from "@jest/globals";
import { Order, User } from "./fixtures.js";
import { storedItem, storedItems, useTxDatabase } from "./tx-helpers.js";

/** Every tx() example of the client API reference, run as written. */
describe("client reference: tx() examples", () => {
  const db = useTxDatabase();

  it("Atomic transaction: a user and two orders in one TransactWriteItems", async () => {
    let userId = "";
    await db.dynamite.tx(async (tx) => {
      const user = await User.create({ name: "John" }, tx);
      userId = user.id;
      await Order.create({ user_id: user.id, total: 100 }, tx);
      await Order.create({ user_id: user.id, total: 200 }, tx);
    });
    expect(db.attempts.attempts).toHaveLength(1);
    expect(db.attempts.lastItems()).toHaveLength(3);
    expect(
      (await storedItems(db.dynamite, "orders"))
        .filter((o) => o.user_id === userId)
        .map((o) => o.total)
        .sort(),
    ).toEqual([100, 200]);
  });

  it("Creating records in transaction: John and Jane", async () => {
    await db.dynamite.tx(async (tx) => {
      await User.create({ name: "John" }, tx);
      await User.create({ name: "Jane" }, tx);
    });
    expect(db.attempts.lastItems().map((item) => item.Put.Item.name)).toEqual(["John", "Jane"]);
  });

  it("Mixed operations: create then soft-destroy = one Put carrying the delete timestamp", async () => {
    let created: User | undefined;
    await db.dynamite.tx(async (tx) => {
      const user = await User.create({ name: "John" }, tx);
      await user.destroy(tx); // Soft delete in transaction
      created = user;
    });
    const items = db.attempts.lastItems();
    expect(items).toHaveLength(1);
    expect(items[0].Put.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(items[0].Put.Item.deletedAt).toEqual(created!.deletedAt);
    expect((await storedItem(db.dynamite, "users", { id: created!.id }))?.deletedAt).toEqual(created!.deletedAt);
    expect(await User.first({ id: created!.id })).toBeUndefined();
  });

  it("Error Handling: a throwing callback rolls back the first create (nothing is sent)", async () => {
    const before = await storedItems(db.dynamite, "users");
    let message = "";
    try {
      await db.dynamite.tx(async (tx) => {
        await User.create({ name: "John" }, tx);
        throw new Error("Simulated failure");
        // First create is rolled back
      });
    } catch (error) {
      message = "Transaction failed, all changes rolled back";
      expect((error as Error).message).toBe("Simulated failure");
    }
    expect(message).toBe("Transaction failed, all changes rolled back");
    expect(db.attempts.attempts).toHaveLength(0);
    expect(await storedItems(db.dynamite, "users")).toEqual(before);
  });
});
