import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { HasMany, IndexSort, PrimaryKey, Table, ValidationError, type NonAttribute, type Page } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Entry extends Table<Entry> {
  @PrimaryKey() declare stream: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare kind: string;
}

class Device extends Table<Device> {
  @PrimaryKey() declare id: string;
  @HasMany(() => Log, "device_id") declare logs: NonAttribute<Log[]>;
}

class Log extends Table<Log> {
  @PrimaryKey() declare id: string;
  declare device_id: string;
  declare level: string;
}

const SIZE = 2_000;
const kinds = ["a", "b", "c"];

/** Follows cursors to the end; returns every item and the number of pages. */
async function walk<M>(page: (cursor?: string) => Promise<Page<M>>) {
  const items: M[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.cursor;
    pages++;
  } while (cursor && pages < 500);
  return { items, pages };
}

describe("cursor pagination over 2,000 items", () => {
  const db = useTestDatabase([Entry, Device, Log], async () => {
    await Entry.createMany(Array.from({ length: SIZE }, (_, seq) => ({ stream: "big", seq, kind: kinds[seq % 3] })));
    await Log.createMany(
      Array.from({ length: SIZE }, (_, i) => ({ id: `l${i}`, device_id: "d1", level: i % 4 ? "info" : "error" })),
    );
  });

  it.each(["ASC", "DESC"] as const)("a Query walked in %s order returns every item exactly once, in order", async (order) => {
    const { items, pages } = await walk((cursor) => Entry.paginate({ stream: "big" }, { limit: 100, order, cursor }));
    const seqs = items.map((e) => e.seq);
    const expected = Array.from({ length: SIZE }, (_, i) => i);
    expect(seqs).toEqual(order === "ASC" ? expected : expected.reverse());
    expect(pages).toBe(20);
  });

  it.each(["ASC", "DESC"] as const)("with a filter (%s), pages cut at the limit skip and repeat nothing", async (order) => {
    const { items } = await walk((cursor) => Entry.paginate({ stream: "big", kind: "a" }, { limit: 37, order, cursor }));
    const seqs = items.map((e) => e.seq);
    const expected = Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % 3 === 0);
    expect(seqs).toEqual(order === "ASC" ? expected : expected.reverse());
  });

  it("a filtered Scan walks the whole table once", async () => {
    const { items } = await walk((cursor) => Entry.paginate({ kind: "b" }, { limit: 64, cursor }));
    const seqs = items.map((e) => e.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % 3 === 1));
    expect(db.recorder.count("ScanCommand")).toBeGreaterThan(1);
  });

  it("paging a GSI with a filter uses the index key in the cursor and returns every match once", async () => {
    const { items } = await walk((cursor) => Log.paginate({ device_id: "d1", level: "error" }, { limit: 45, cursor }));
    expect(new Set(items.map((l) => l.id)).size).toBe(500);
    expect(items).toHaveLength(500);
    expect(db.recorder.requests.every((r) => r.input.IndexName === "GSI1_device_id")).toBe(true);
  });

  it("page 3 of 20 is one Query that reads 101 items (one more, to know a next page exists)", async () => {
    const first = await Entry.paginate({ stream: "big" }, { limit: 100 });
    const second = await Entry.paginate({ stream: "big" }, { limit: 100, cursor: first.cursor });
    db.recorder.reset();
    const third = await Entry.paginate({ stream: "big" }, { limit: 100, cursor: second.cursor });
    expect(third.items.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 200 + i));
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
    expect(db.recorder.scanned()).toBe(101);
    expect(third.cursor).toBeDefined();
  });

  it("a tampered cursor, or one of another model, index or order, is a ValidationError", async () => {
    const { cursor } = await Entry.paginate({ stream: "big" }, { limit: 10 });
    const decoded = JSON.parse(Buffer.from(cursor!, "base64url").toString());
    const edited = Buffer.from(JSON.stringify({ ...decoded, p: decoded.p.replace('"seq":9', '"seq":1500') })).toString(
      "base64url",
    );
    db.recorder.reset();
    await expect(Entry.paginate({ stream: "big" }, { limit: 10, cursor: edited })).rejects.toThrow(ValidationError);
    await expect(Entry.paginate({ stream: "big" }, { limit: 10, cursor: "not-a-cursor" })).rejects.toThrow(ValidationError);
    await expect(Log.paginate({ device_id: "d1" }, { limit: 10, cursor })).rejects.toThrow(/belongs to Entry/);
    await expect(Entry.paginate({ stream: "big" }, { limit: 10, cursor, order: "DESC" })).rejects.toThrow(ValidationError);
    await expect(Entry.paginate({ stream: "big" }, { limit: 0 })).rejects.toThrow(ValidationError);
    expect(db.recorder.requests).toHaveLength(0);
  });

  it("skip stays supported", async () => {
    const rows = await Entry.where({ stream: "big" }, { skip: 100, limit: 10 });
    expect(rows.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(db.recorder.scanned()).toBe(110);
  });
});
