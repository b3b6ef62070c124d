import { describe, expect, it } from "@jest/globals";
import {
  GlobalIndex,
  IndexSort,
  PrimaryKey,
  Table,
  ValidationError,
  type Filters,
  type PaginateOptions,
} from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

/** S partition key, N sort key, and a GSI on `kind`. */
class Reading extends Table<Reading> {
  @PrimaryKey() declare series: string;
  @IndexSort({ type: Number }) declare seq: number;
  @GlobalIndex() declare kind: string;
}

/** N partition key (pages of a Scan carry it in the cursor). */
class Counter extends Table<Counter> {
  @PrimaryKey({ type: Number }) declare n: number;
}

/** B partition key. */
class Blob extends Table<Blob> {
  @PrimaryKey({ type: "B" }) declare hash: Uint8Array;
  declare label?: string;
}

const bytes = (i: number) => new Uint8Array([i, 0, 255 - i, i * 3]);

async function seed(): Promise<void> {
  for (let seq = 1; seq <= 10; seq++) await Reading.create({ series: "s", seq, kind: seq % 2 ? "odd" : "even" });
  for (let n = 1; n <= 7; n++) await Counter.create({ n: n * 1.5 });
  for (let i = 1; i <= 7; i++) await Blob.create({ hash: bytes(i), label: `b${i}` });
}

/** Every page of a read, following cursors; the items of each page. */
async function allPages<M>(read: (cursor?: string) => Promise<{ items: M[]; cursor?: string }>): Promise<M[][]> {
  const pages: M[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page.items);
    cursor = page.cursor;
  } while (cursor);
  return pages;
}

describe("cursors are bound to their read", () => {
  const db = useTestDatabase([Reading, Counter, Blob], seed);

  async function refused(options: PaginateOptions & { filters?: Filters<Reading> }, message: string): Promise<void> {
    const { filters = { series: "s" }, ...rest } = options;
    db.recorder.reset();
    const error = await Reading.paginate(filters, rest).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(message);
    expect(db.recorder.commands()).toEqual([]);
  }

  it("a cursor taken with one filter is refused by a read with another filter (no rows skipped silently)", async () => {
    const { cursor } = await Reading.paginate({ series: "s", kind: "odd" }, { limit: 2 });
    expect(cursor).toBeDefined();
    await refused({ filters: { series: "s", kind: "even" }, limit: 2, cursor }, "belongs to a read with other filters");
    await refused({ filters: { series: "s" }, limit: 2, cursor }, "belongs to a read with other filters");
    await refused({ filters: { series: "s", kind: "odd", seq: { ">": 0 } }, limit: 2, cursor }, "other filters");
  });

  it("the same filters written in another order are the same read: the cursor is accepted", async () => {
    const first = await Reading.paginate({ series: "s", kind: "odd" }, { limit: 2 });
    const second = await Reading.paginate({ kind: "odd", series: "s" }, { limit: 2, cursor: first.cursor });
    expect([...first.items, ...second.items].map((r) => r.seq)).toEqual([1, 3, 5, 7]);
  });

  it("a cursor of another order, index or model is refused with zero requests", async () => {
    const { cursor } = await Reading.paginate({ series: "s" }, { limit: 2 });
    await refused({ limit: 2, cursor, order: "DESC" }, "another index or in another order");
    const onIndex = await Reading.paginate({ kind: "odd" }, { limit: 2 });
    await refused({ filters: { series: "s" }, limit: 2, cursor: onIndex.cursor }, "another index");
    db.recorder.reset();
    await expect(Counter.paginate({}, { limit: 2, cursor })).rejects.toThrow("belongs to Reading");
    expect(db.recorder.commands()).toEqual([]);
  });

  it.each([
    ["skip", { skip: 2 }, "(pages move by cursor, not by skipping rows)"],
    ["an unknown option", { offset: 2 }, "is not a paginate option"],
  ])("paginate refuses %s instead of ignoring it", async (_label, extra, message) => {
    await refused({ limit: 2, ...(extra as object) } as PaginateOptions, message);
  });

  it("S/N keys: paging a Query and a Scan visits every row exactly once", async () => {
    const readings = (await allPages((cursor) => Reading.paginate({ series: "s" }, { limit: 3, cursor })))
      .flat()
      .map((r) => r.seq);
    expect(readings).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const counters = (await allPages((cursor) => Counter.paginate({}, { limit: 2, cursor }))).flat().map((c) => c.n);
    expect(counters.sort((a, b) => a - b)).toEqual([1.5, 3, 4.5, 6, 7.5, 9, 10.5]);
  });

  it("B keys: a cursor over a binary key is accepted by the read that made it; every row once", async () => {
    const pages = await allPages((cursor) => Blob.paginate({}, { limit: 2, cursor }));
    expect(pages.length).toBe(4);
    const labels = pages.flat().map((b) => b.label);
    expect(labels.sort()).toEqual(["b1", "b2", "b3", "b4", "b5", "b6", "b7"]);
    expect(pages.flat().every((b) => b.hash instanceof Uint8Array)).toBe(true);
  });
});
