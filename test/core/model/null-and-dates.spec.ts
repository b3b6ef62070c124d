import { describe, expect, it } from "@jest/globals";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { Attribute, PrimaryKey, Table } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Memo extends Table<Memo> {
  @PrimaryKey() declare id: string;
  declare note?: string | null;
  @Attribute() declare due?: Date;
  declare meta?: unknown;
}

describe("null means absent, in create, save, update, tx and where alike; Dates at any depth are ISO strings", () => {
  const db = useTestDatabase([Memo]);
  const stored = async (id: string) =>
    (await db.dynamite.getClient().send(new GetCommand({ TableName: "memos", Key: { id } }))).Item;
  const absentIds = async () => (await Memo.where({ note: null })).map((memo) => memo.id).sort();

  it("every write path leaves a null attribute absent, and where({ note: null }) finds each row", async () => {
    await Memo.create({ id: "create", note: null });
    const saved = await Memo.create({ id: "save", note: "x" });
    saved.note = null;
    await saved.save();
    const updated = await Memo.create({ id: "update", note: "x" });
    await updated.update({ note: null });
    await Memo.create({ id: "static", note: "x" });
    await Memo.update({ note: null }, { id: "static" });
    await db.dynamite.tx(async () => {
      await Memo.create({ id: "tx", note: null });
    });
    await Memo.create({ id: "kept", note: "x" });
    for (const id of ["create", "save", "update", "static", "tx"]) expect(await stored(id)).toEqual({ id });
    expect(await absentIds()).toEqual(["create", "save", "static", "tx", "update"]);
    expect((await Memo.where({ note: { "!=": null } })).map((memo) => memo.id)).toEqual(["kept"]);
  });

  it("a row holding a NULL written by another client loads as null and save() without changes sends nothing", async () => {
    await db.dynamite.getClient().send(new PutCommand({ TableName: "memos", Item: { id: "legacy", note: null } }));
    const legacy = (await Memo.first({ id: "legacy" }))!;
    expect(legacy.note).toBeNull();
    db.recorder.reset();
    await legacy.save();
    expect(db.recorder.commands()).toEqual([]);
  });

  it("a Date at any depth is stored as its ISO 8601 string; a decorated Date attribute reads back as a Date", async () => {
    const due = new Date("2030-01-02T03:04:05.678Z");
    await Memo.create({ id: "dates", due, meta: { at: due, list: [due, { deeper: due }] } });
    const iso = due.toISOString();
    expect(await stored("dates")).toEqual({ id: "dates", due: iso, meta: { at: iso, list: [iso, { deeper: iso }] } });
    const row = (await Memo.first({ id: "dates" }))!;
    expect(row.due).toEqual(due);
    expect(row.meta).toEqual({ at: iso, list: [iso, { deeper: iso }] });
    expect((await Memo.where({ due: { ">": new Date("2030-01-01") } })).map((memo) => memo.id)).toEqual(["dates"]);
  });
});
