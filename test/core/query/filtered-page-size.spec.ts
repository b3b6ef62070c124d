import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { ScanCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { PrimaryKey, Table } from "../../../lib/core/index.js";
import { FilterDensity } from "../../../lib/core/read/filter-density.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

/** Members: 1 in 4 gold, 1 in 200 platinum, none "none". */
class Member extends Table<Member> {
  @PrimaryKey() declare id: string;
  declare tier: string;
  declare flag?: string;
}

const SIZE = 800;
const tierOf = (i: number) => (i % 200 === 7 ? "platinum" : i % 4 === 0 ? "gold" : "silver");

describe("filtered Query/Scan pages sized by what the filter matched before", () => {
  const db = useTestDatabase([Member], () =>
    Member.createMany(Array.from({ length: SIZE }, (_, i) => ({ id: `m${String(i).padStart(4, "0")}`, tier: tierOf(i) }))),
  );

  /** Every matching id in DynamoDB's scan order (the oracle: one unfiltered walk of the whole table). */
  async function scanOrder(tier: string): Promise<string[]> {
    const doc = DynamoDBDocumentClient.from(db.dynamite.getClient());
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: "members", ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) if (item.tier === tier) ids.push(item.id as string);
      start = page.LastEvaluatedKey;
    } while (start);
    return ids;
  }

  const limits = () => db.recorder.requests.filter((r) => r.command === "ScanCommand").map((r) => r.input.Limit as number);

  it("the first read of a filter starts at what is missing; the next asks for missing × items read per match", async () => {
    const expected = (await scanOrder("gold")).slice(0, 25);
    db.recorder.reset();
    const first = await Member.where({ tier: "gold" }, { limit: 25 });
    expect(first.map((m) => m.id)).toEqual(expected);
    expect(limits()[0]).toBe(25);
    const firstRequests = db.recorder.requests.length;
    const firstScanned = db.recorder.scanned();
    expect(firstRequests).toBeGreaterThan(1); // 1 in 4 cannot fill 25 from 25

    db.recorder.reset();
    const second = await Member.where({ tier: "gold" }, { limit: 25 });
    expect(second.map((m) => m.id)).toEqual(expected); // the page size never changes the result
    // about 4 items read per gold member: the first page asks for 25 × 4 (3 to 5 with DynamoDB's hash order)
    expect(limits()[0]).toBeGreaterThanOrEqual(75);
    expect(limits()[0]).toBeLessThanOrEqual(125);
    expect(db.recorder.requests.length).toBeLessThanOrEqual(2);
    expect(db.recorder.requests.length).toBeLessThan(firstRequests);
    expect(db.recorder.scanned()).toBeLessThanOrEqual(firstScanned + 25);
  });

  it("each filter value learns its own density: silver starts blind although gold learned 4, then asks for 25 × 1 or 2", async () => {
    await Member.where({ tier: "gold" }, { limit: 25 });
    db.recorder.reset();
    await Member.where({ tier: "silver" }, { limit: 25 });
    expect(limits()[0]).toBe(25);
    db.recorder.reset();
    const rows = await Member.where({ tier: "silver" }, { limit: 25 });
    expect(rows.map((m) => m.id)).toEqual((await scanOrder("silver")).slice(0, 25));
    // about 1.35 items a match (3 in 4): a whole number, 1 or 2 with the sampling noise of small pages
    expect([25, 50]).toContain(limits()[0]);
  });

  it("a filter that matched nothing starts the next read at the largest page, and stays exact", async () => {
    expect(await Member.where({ tier: "none" }, { limit: 5 })).toEqual([]);
    const blind = limits();
    expect(blind[0]).toBe(5);
    db.recorder.reset();
    expect(await Member.where({ tier: "none" }, { limit: 5 })).toEqual([]);
    expect(limits()[0]).toBe(1_000);
    expect(db.recorder.requests.length).toBe(1); // 800 items fit one page of 1,000
    expect(db.recorder.scanned()).toBe(SIZE);
  });

  it("a sparse filter (1 in 200) grows its pages within one read and needs far fewer requests the next time", async () => {
    const expected = (await scanOrder("platinum")).slice(0, 3);
    db.recorder.reset();
    expect((await Member.where({ tier: "platinum" }, { limit: 3 })).map((m) => m.id)).toEqual(expected);
    const first = db.recorder.requests.length;
    db.recorder.reset();
    expect((await Member.where({ tier: "platinum" }, { limit: 3 })).map((m) => m.id)).toEqual(expected);
    expect(db.recorder.requests.length).toBeLessThanOrEqual(Math.max(1, first - 2));
  });

  it("paginate with a filter returns every matching row exactly once while its page sizes change", async () => {
    const expected = await scanOrder("gold");
    for (const limit of [7, 30]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await Member.paginate({ tier: "gold" }, { limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((m) => m.id));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it("rows that change after the density was learned are still found exactly (the density only sizes pages)", async () => {
    await Member.where({ flag: "x" }, { limit: 2 }); // learns: nothing matches
    const marked = (await scanOrder("gold")).slice(0, 10);
    for (const id of marked) await Member.update({ flag: "x" }, { id });
    const rows = await Member.where({ flag: "x" }, { limit: 4 });
    expect(rows.map((m) => m.id)).toEqual(marked.slice(0, 4));
    expect(await Member.count({ flag: "x" })).toBe(10);
  });
});

describe("FilterDensity", () => {
  const input = (value: unknown) => ({ TableName: "t", FilterExpression: "#a = :v", ExpressionAttributeValues: { ":v": value } });

  it("rounds items per match to a whole number, so 25 in 101 and 26 in 104 both learn 4", () => {
    const density = new FilterDensity();
    density.learn("a", 101, 25);
    density.learn("b", 104, 26);
    density.learn("c", 100, 0);
    expect([density.itemsPerMatch("a"), density.itemsPerMatch("b"), density.itemsPerMatch("c")]).toEqual([4, 4, 100]);
    density.learn("d", 0, 0);
    expect(density.itemsPerMatch("d")).toBeUndefined();
  });

  it("forgets the oldest filter past its bound, and keys long value lists by their expression only", () => {
    const density = new FilterDensity();
    for (let i = 0; i <= FilterDensity.MAX_FILTERS; i++) density.learn(`k${i}`, 10, 1);
    expect(density.itemsPerMatch("k0")).toBeUndefined();
    expect(density.itemsPerMatch(`k${FilterDensity.MAX_FILTERS}`)).toBe(10);
    expect(FilterDensity.keyOf(input("gold"))).not.toBe(FilterDensity.keyOf(input("free")));
    const long = (c: string) => input(c.repeat(2_000));
    expect(FilterDensity.keyOf(long("a"))).toBe(FilterDensity.keyOf(long("b")));
    expect(FilterDensity.keyOf(input(new Set([1n, 2n])))).not.toBe(FilterDensity.keyOf(input(new Set([3n]))));
    expect(FilterDensity.keyOf(input(new Uint8Array([1])))).not.toBe(FilterDensity.keyOf(input(new Uint8Array([2]))));
  });
});
