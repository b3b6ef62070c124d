import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Dynamite } from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";
import { Order, TABLES, User } from "./fixtures.js";
import { AttemptRecorder, storedItem, storedItems } from "./tx-helpers.js";

/** Every tx() example of the client API reference, run as written. */
describe("client reference: tx() examples", () => {
  let dynamite: Dynamite;
  let attempts: AttemptRecorder;
  beforeAll(async () => {
    dynamite = await createTestDynamite(TABLES);
    attempts = new AttemptRecorder(dynamite);
  });
  beforeEach(() => attempts.reset());
  afterAll(() => {
    attempts.stop();
    dynamite.disconnect();
  });

  it("Atomic transaction: a user and two orders in one TransactWriteItems", async () => {
    let userId = "";
    await dynamite.tx(async (tx) => {
      const user = await User.create({ name: "John" }, tx);
      userId = user.id;
      await Order.create({ user_id: user.id, total: 100 }, tx);
      await Order.create({ user_id: user.id, total: 200 }, tx);
    });
    expect(attempts.attempts).toHaveLength(1);
    expect(attempts.lastItems()).toHaveLength(3);
    expect((await storedItems(dynamite, "orders")).filter((o) => o.user_id === userId).map((o) => o.total).sort()).toEqual([100, 200]);
  });

  it("Creating records in transaction: John and Jane", async () => {
    await dynamite.tx(async (tx) => {
      await User.create({ name: "John" }, tx);
      await User.create({ name: "Jane" }, tx);
    });
    expect(attempts.lastItems().map((item) => item.Put.Item.name)).toEqual(["John", "Jane"]);
  });

  it("Mixed operations: create then soft-destroy = one Put carrying the delete timestamp", async () => {
    let created: User | undefined;
    await dynamite.tx(async (tx) => {
      const user = await User.create({ name: "John" }, tx);
      await user.destroy(tx); // Soft delete in transaction
      created = user;
    });
    const items = attempts.lastItems();
    expect(items).toHaveLength(1);
    expect(items[0].Put.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(items[0].Put.Item.deletedAt).toEqual(created!.deletedAt);
    expect((await storedItem(dynamite, "users", { id: created!.id }))?.deletedAt).toEqual(created!.deletedAt);
    expect(await User.first({ id: created!.id })).toBeUndefined();
  });

  it("Error Handling: a throwing callback rolls back the first create (nothing is sent)", async () => {
    const before = await storedItems(dynamite, "users");
    let message = "";
    try {
      await dynamite.tx(async (tx) => {
        await User.create({ name: "John" }, tx);
        throw new Error("Simulated failure");
        // First create is rolled back
      });
    } catch (error) {
      message = "Transaction failed, all changes rolled back";
      expect((error as Error).message).toBe("Simulated failure");
    }
    expect(message).toBe("Transaction failed, all changes rolled back");
    expect(attempts.attempts).toHaveLength(0);
    expect(await storedItems(dynamite, "users")).toEqual(before);
  });
});
