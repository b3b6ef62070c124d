import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "@jest/globals";
import {
  DeleteAt,
  Default,
  ManyToMany,
  NotFoundError,
  PrimaryKey,
  Table,
  ValidationError,
  type CreationOptional,
  type NonAttribute,
} from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Wallet extends Table<Wallet> {
  @PrimaryKey() declare id: string;
  declare owner?: string;
  declare balance?: number;
  @DeleteAt() declare deletedAt?: string;
  @ManyToMany(() => Tag, () => WalletTag, { localPivotKey: "wallet_id", targetPivotKey: "tag_id" })
  declare tags: NonAttribute<Tag[]>;
}

class Tag extends Table<Tag> {
  @PrimaryKey() declare id: string;
}

class WalletTag extends Table<WalletTag> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  declare wallet_id: string;
  declare tag_id: string;
}

class Note extends Table<Note> {
  @PrimaryKey() declare id: string;
  declare text?: string;
}

/** Every row of the table, read with withTrashed (soft-deleted rows included), by id. */
async function stored(): Promise<Record<string, Record<string, unknown>>> {
  const rows = await Wallet.withTrashed();
  return Object.fromEntries(rows.map((row) => [row.id, { ...row.toJSON() }]));
}

describe("a write touches exactly the row it names", () => {
  const db = useTestDatabase([Wallet, Tag, WalletTag, Note]);

  beforeEach(async () => {
    for (const row of await Wallet.withTrashed()) await row.forceDestroy();
    for (const row of await Note.where()) await row.forceDestroy();
    await Wallet.create({ id: "a", owner: "ann", balance: 10 });
    await Wallet.create({ id: "b", owner: "bob", balance: 20 });
    await Note.create({ id: "n1" });
    await Note.create({ id: "n2" });
    db.recorder.reset();
  });

  async function refusedWithoutRequests(run: () => unknown, message: RegExp | string): Promise<void> {
    const before = await stored();
    db.recorder.reset();
    await expect(Promise.resolve().then(run)).rejects.toThrow(ValidationError);
    await expect(Promise.resolve().then(run)).rejects.toThrow(message);
    expect(db.recorder.commands()).toEqual([]);
    expect(await stored()).toEqual(before);
  }

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["an array", [{ id: "a" }]],
    ["a model instance", new Note({ id: "a" })],
    ["a Date", new Date()],
  ])("Model.delete(%s) is a ValidationError with zero requests and deletes nothing", async (_label, filters) => {
    await refusedWithoutRequests(() => Wallet.delete(filters as never), "Wallet.delete() needs an object");
    expect(await Note.count()).toBe(2);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["an array", ["a"]],
    ["a model instance", new Note({ id: "a" })],
  ])("Model.update(patch, %s) is a ValidationError with zero requests and changes nothing", async (_label, filters) => {
    await refusedWithoutRequests(() => Wallet.update({ owner: "eve" }, filters as never), "Wallet.update() needs an object");
  });

  it("Model.update with a key attribute in the patch is refused before anything is read", async () => {
    await refusedWithoutRequests(() => Wallet.update({ id: "b", owner: "eve" } as never, { id: "a" }), "cannot change");
  });

  it("Model.delete({}) deletes every row of the model (documented), and only that model's rows", async () => {
    expect(await Note.delete({})).toBe(2);
    expect(await Note.count()).toBe(0);
    expect(Object.keys(await stored()).sort()).toEqual(["a", "b"]);
  });

  it.each([
    ["null", null],
    ["an array", ["id"]],
    ["a model instance", new Note({ id: "n1" })],
  ])("where(%s) is a ValidationError with zero requests (only no argument means every row)", async (_label, filters) => {
    await expect(Note.where(filters as never)).rejects.toThrow("filters must be an object");
    await expect(Note.count(filters as never)).rejects.toThrow(ValidationError);
    await expect(Note.first(filters as never)).rejects.toThrow(ValidationError);
    expect(db.recorder.commands()).toEqual([]);
    expect((await Note.where()).map((note) => note.id).sort()).toEqual(["n1", "n2"]);
  });

  it("destroy() after a refused update({ id }) deletes its own row, never the row the id was changed to", async () => {
    const a = (await Wallet.first({ id: "a" }))!;
    await expect(a.update({ id: "b" })).rejects.toThrow("cannot change");
    expect(a.id).toBe("a");
    await a.forceDestroy();
    const rows = await stored();
    expect(Object.keys(rows)).toEqual(["b"]);
    expect(rows.b.owner).toBe("bob");
  });

  it.each([
    ["save", (w: Wallet) => w.save()],
    ["update", (w: Wallet) => w.update({ owner: "eve" })],
    ["destroy", (w: Wallet) => w.destroy()],
    ["forceDestroy", (w: Wallet) => w.forceDestroy()],
    ["restore", (w: Wallet) => w.restore()],
    ["increment", (w: Wallet) => w.increment("balance", 5)],
    ["decrement", (w: Wallet) => w.decrement("balance", 5)],
    ["attach", (w: Wallet) => w.attach("tags", ["t1"])],
    ["detach", (w: Wallet) => w.detach("tags", ["t1"])],
    ["sync", (w: Wallet) => w.sync("tags", ["t1"])],
  ])("%s() of an instance whose key was reassigned is a ValidationError with zero requests", async (_name, write) => {
    const a = (await Wallet.first({ id: "a" }))!;
    a.id = "b";
    await refusedWithoutRequests(() => write(a), "Wallet.id: is part of the primary key and cannot change");
  });

  it("the refusal also holds inside a transaction: nothing is queued or sent", async () => {
    const a = (await Wallet.first({ id: "a" }))!;
    a.id = "b";
    db.recorder.reset();
    await expect(db.dynamite.tx(async () => a.increment("balance"))).rejects.toThrow(ValidationError);
    expect(db.recorder.commands()).toEqual([]);
    expect((await stored()).b.balance).toBe(20);
  });

  it("setting the key back to its stored value makes the instance writable again", async () => {
    const a = (await Wallet.first({ id: "a" }))!;
    a.id = "b";
    a.id = "a";
    a.owner = "ann2";
    await a.save();
    expect((await stored()).a.owner).toBe("ann2");
  });

  it("destroy() of a row deleted meanwhile is a NotFoundError (as update() is), soft or hard", async () => {
    const a = (await Wallet.first({ id: "a" }))!;
    const b = (await Wallet.first({ id: "b" }))!;
    await (await Wallet.first({ id: "a" }))!.forceDestroy();
    await (await Wallet.first({ id: "b" }))!.forceDestroy();
    await expect(a.forceDestroy()).rejects.toThrow(NotFoundError);
    await expect(b.destroy()).rejects.toThrow(NotFoundError);
    expect(await stored()).toEqual({}); // the soft delete created no ghost row
  });

  it("Model.delete counts only the rows it deleted", async () => {
    expect(await Wallet.delete({ id: "a" })).toBe(1);
    expect(await Wallet.delete({ id: "a" })).toBe(0);
  });
});
