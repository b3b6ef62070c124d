import { describe, expect, it } from "@jest/globals";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Default, DeleteAt, PrimaryKey, Table, ValidationError, Version, type CreationOptional } from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Wallet extends Table<Wallet> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("") declare owner: CreationOptional<string>;
  @Default(() => 0) declare balance: CreationOptional<number>;
  @DeleteAt() declare deleted_at?: string;
}

class Locked extends Table<Locked> {
  @PrimaryKey() declare id: string;
  @Default(() => 0) declare hits: CreationOptional<number>;
  @Version() declare version: CreationOptional<number>;
}

describe("compat: static increment/decrement(field, by, filters, options?)", () => {
  const db = useTestDatabase([Wallet, Locked]);
  const stored = async (table: string, id: string) =>
    (await db.dynamite.getClient().send(new GetItemCommand({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })))
      .Item;

  it("by full key: one GetItem, then one conditional ADD UpdateItem; returns 1", async () => {
    const wallet = await Wallet.create({ balance: 5 });
    db.recorder.reset();
    expect(await Wallet.increment("balance", 10, { id: wallet.id })).toBe(1);
    expect(db.recorder.commands()).toEqual(["GetItemCommand", "UpdateItemCommand"]);
    const update = db.recorder.requests[1].input;
    expect(update.UpdateExpression).toMatch(/^ADD #n\d :v\d$/);
    expect(update.ConditionExpression).toMatch(/^attribute_exists\(#n\d\)$/);
    expect(await Wallet.decrement("balance", 3, { id: wallet.id })).toBe(1);
    expect((await stored("wallets", wallet.id))?.balance).toEqual({ N: "12" });
  });

  it("a key that matches no row increments nothing and never creates a row", async () => {
    expect(await Wallet.increment("balance", 10, { id: "nobody" })).toBe(0);
    expect(db.recorder.commands()).toEqual(["GetItemCommand"]);
    expect(await stored("wallets", "nobody")).toBeUndefined();
  });

  it("filters matching several rows: one UpdateItem per row, the count returned", async () => {
    for (let i = 0; i < 3; i++) await Wallet.create({ owner: "many", balance: i });
    await Wallet.create({ owner: "other", balance: 100 });
    db.recorder.reset();
    expect(await Wallet.increment("balance", 1, { owner: "many" })).toBe(3);
    expect(db.recorder.count("UpdateItemCommand")).toBe(3);
    expect((await Wallet.where({ owner: "many" })).map((w) => w.balance).sort()).toEqual([1, 2, 3]);
    expect((await Wallet.first({ owner: "other" }))?.balance).toBe(100);
  });

  it("a soft-deleted row is not incremented", async () => {
    const gone = await Wallet.create({ owner: "gone", balance: 1 });
    await gone.destroy();
    expect(await Wallet.increment("balance", 1, { id: gone.id })).toBe(0);
    expect((await stored("wallets", gone.id))?.balance).toEqual({ N: "1" });
  });

  it("in a transaction the increments commit together with the other writes, or not at all", async () => {
    const [a, b] = [await Wallet.create({ balance: 100 }), await Wallet.create({ balance: 0 })];
    await db.dynamite.tx(async (tx) => {
      await Wallet.decrement("balance", 30, { id: a.id }, { tx });
      await Wallet.increment("balance", 30, { id: b.id }, { tx });
    });
    expect((await stored("wallets", a.id))?.balance).toEqual({ N: "70" });
    expect((await stored("wallets", b.id))?.balance).toEqual({ N: "30" });
    await db.dynamite
      .tx(async (tx) => {
        await Wallet.increment("balance", 999, { id: a.id }, tx);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect((await stored("wallets", a.id))?.balance).toEqual({ N: "70" });
  });

  it("a @Version model keeps its check: the increment sends the expected version and bumps it", async () => {
    await Locked.create({ id: "l1" });
    db.recorder.reset();
    expect(await Locked.increment("hits", 2, { id: "l1" })).toBe(1);
    const update = db.recorder.requests.find((r) => r.command === "UpdateItemCommand")!.input;
    expect(update.ConditionExpression).toMatch(/#n\d = :v\d/);
    expect(await stored("lockeds", "l1")).toMatchObject({ hits: { N: "2" }, version: { N: "2" } });
  });

  it.each([
    ["balance", Number.NaN, /needs a finite number/],
    ["balance", "5", /needs a finite number/],
    ["id", 1, /part of the primary key/],
  ])("increment(%j, %j) is refused before any request", async (field, by, message) => {
    const error = await Wallet.increment(field as never, by as never, {}).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(db.recorder.commands()).toEqual([]);
  });

  it("missing filters are refused (pass {} to mean every row)", async () => {
    await expect(Wallet.increment("balance", 1, undefined as never)).rejects.toThrow(/needs the filters/);
    expect(db.recorder.commands()).toEqual([]);
  });
});
