import { describe, expect, it } from "@jest/globals";
import { TransactionError } from "../../../lib/core/index.js";
import { Product, User } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

describe("a cancelled transaction", () => {
  const db = useTxDatabase();

  it("a duplicate-key create among five creates is reported on exactly that action; none of the five rows exists", async () => {
    await Product.create({ id: "five-3", name: "already here" });
    const ids = ["five-1", "five-2", "five-3", "five-4", "five-5"];
    const error = await db.dynamite
      .tx(async (tx) => {
        for (const id of ids) await Product.create({ id, name: "new" }, tx);
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons.map((r: { code: string }) => r.code)).toEqual([
      "None",
      "None",
      "ConditionalCheckFailed",
      "None",
      "None",
    ]);
    expect(error.reasons[2]).toMatchObject({ index: 2, model: "Product", key: { id: "five-3" } });
    expect(error.message).toMatch(/action 2 \(Product id="five-3"\): ConditionalCheckFailed/);
    expect(error.cause?.name).toBe("TransactionCanceledException");
    for (const id of ["five-1", "five-2", "five-4", "five-5"])
      expect(await storedItem(db.dynamite, "products", { id })).toBeUndefined();
    expect((await storedItem(db.dynamite, "products", { id: "five-3" }))?.name).toBe("already here");
  });

  it("an update of a missing row cancels with ConditionalCheckFailed mapped to its model and key", async () => {
    const user = await User.create({ id: "vanishing", name: "V" });
    await user.forceDestroy();
    const stale = new User({ id: "vanishing", name: "V" });
    // pretend it was loaded: an update of a row that no longer exists must not create a ghost row
    const { markPersisted } = await import("../../../lib/core/instance/instance-state.js");
    markPersisted(stale, { id: "vanishing", name: "V" });
    const error = await db.dynamite
      .tx(async () => {
        await Product.create({ id: "beside-missing" });
        await stale.update({ name: "W" });
      })
      .catch((e) => e);
    expect(error.reasons).toEqual([
      expect.objectContaining({ index: 0, model: "Product", code: "None" }),
      expect.objectContaining({ index: 1, model: "User", key: { id: "vanishing" }, code: "ConditionalCheckFailed" }),
    ]);
    expect(await storedItem(db.dynamite, "users", { id: "vanishing" })).toBeUndefined();
    expect(await storedItem(db.dynamite, "products", { id: "beside-missing" })).toBeUndefined();
  });
});
