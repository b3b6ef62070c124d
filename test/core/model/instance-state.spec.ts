import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { PrimaryKey, Table } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Note extends Table<Note> {
  @PrimaryKey() declare id: string;
  declare text: string;
  declare tags?: string[];
}

describe("an instance's bookkeeping (persisted, snapshot) never shows", () => {
  const db = useTestDatabase([Note], () => Note.create({ id: "n1", text: "hello", tags: ["a"] }));

  it("is not in JSON, keys, symbols, spreads, structuredClone or Jest equality", async () => {
    const note = (await Note.first({ id: "n1" }))!;
    expect(note.isPersisted).toBe(true);
    expect(Object.keys(note).sort()).toEqual(["id", "tags", "text"]);
    expect(JSON.parse(JSON.stringify(note))).toEqual({ id: "n1", text: "hello", tags: ["a"] });
    expect({ ...note }).toEqual({ id: "n1", text: "hello", tags: ["a"] });
    expect(Object.getOwnPropertySymbols({ ...note })).toEqual([]);
    expect(structuredClone(note)).toEqual({ id: "n1", text: "hello", tags: ["a"] });
    expect(note).toEqual(Object.assign(Object.create(Note.prototype), { id: "n1", text: "hello", tags: ["a"] }));
    expect(Reflect.ownKeys(note).sort()).toEqual(["id", "tags", "text"]);
  });

  it("a row frozen after it was read still saves, and tracks what it wrote", async () => {
    const note = (await Note.first({ id: "n1" }))!;
    note.text = "changed";
    Object.freeze(note);
    await note.save();
    expect((await Note.first({ id: "n1" }))!.text).toBe("changed");
    db.recorder.reset();
    await note.save(); // nothing changed since the write: nothing is sent
    expect(db.recorder.requests).toEqual([]);
  });

  it("an instance frozen before it is written keeps its state aside and is persisted after create", async () => {
    const note = Object.freeze(new Note({ id: "n2", text: "frozen" }));
    await note.save();
    expect(note.isPersisted).toBe(true);
    expect((await Note.first({ id: "n2" }))!.text).toBe("frozen");
  });
});
