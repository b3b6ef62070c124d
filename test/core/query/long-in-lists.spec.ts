import { describe, expect, it } from "@jest/globals";
import { HasMany, IndexSort, PrimaryKey, Table, type NonAttribute } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

/** 300 readings: composite key, a GSI on `site` (through Site.readings), loose attributes. */
class Reading extends Table<Reading> {
  @PrimaryKey() declare sensor: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare site: string;
  declare code: string;
  declare value: number;
}

class Site extends Table<Site> {
  @PrimaryKey() declare id: string;
  @HasMany(() => Reading, "site") declare readings: NonAttribute<Reading[]>;
}

const rows = Array.from({ length: 300 }, (_, i) => ({
  sensor: `s${i % 3}`,
  seq: i,
  site: `site${i % 2}`,
  code: `c${i}`,
  value: i % 10,
}));
const codes = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => `c${i + offset}`);
const seqs = (found: Reading[]) => found.map((row) => row.seq).sort((a, b) => a - b);
const expected = (keep: (row: (typeof rows)[number]) => boolean) =>
  rows
    .filter(keep)
    .map((row) => row.seq)
    .sort((a, b) => a - b);

describe("in / not-in of any length, alone or with other filters", () => {
  const db = useTestDatabase([Reading, Site], () => Reading.createMany(rows));

  it("in over 100 values with another filter: chunked IN lists in one Scan, no redundant parentheses", async () => {
    const filters = { code: { in: codes(250) }, value: { ">": 4 } };
    const plan = Reading.explain(filters);
    expect(plan.operation).toBe("Scan");
    expect(plan.notes).toEqual(["code in (250 values): chunked into IN lists of at most 100 in the FilterExpression"]);
    expect(plan.filter).toMatch(/^\(#n0 IN \([^()]+\) OR #n0 IN \([^()]+\) OR #n0 IN \([^()]+\)\) AND \(#n1 > :v250\)$/);
    expect(seqs(await Reading.where(filters))).toEqual(expected((row) => row.seq < 250 && row.value > 4));
    expect(db.recorder.commands()).toEqual(["ScanCommand"]);
  });

  it("in of 1,000 values with another filter: evaluated after reading, explain() says so, count and pages agree", async () => {
    const filters = { code: codes(1000, 100), value: { "<": 3 } };
    const plan = Reading.explain(filters);
    expect(plan.notes).toEqual([
      "code in (1000 values): evaluated after reading (the FilterExpression would exceed DynamoDB's expression limits)",
    ]);
    expect(plan.filter).toBe("#n0 < :v0");
    expect(plan.residualFilter).toMatch(/ IN /);
    const want = expected((row) => row.seq >= 100 && row.value < 3);
    expect(seqs(await Reading.where(filters))).toEqual(want);
    expect(await Reading.count(filters)).toBe(want.length);
    const paged: Reading[] = [];
    let cursor: string | undefined;
    do {
      const page = await Reading.paginate(filters, { limit: 7, cursor });
      paged.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(seqs(paged)).toEqual(want);
    expect(db.recorder.requests.every((request) => request.error === undefined)).toBe(true);
  });

  it("not-in of 1,000 values alone, and on a GSI Query with skip/limit", async () => {
    const excluded = codes(1000, 50);
    expect(seqs(await Reading.where({ code: { "not-in": excluded } }))).toEqual(expected((row) => row.seq < 50));
    const onIndex = await Reading.where({ site: "site1", code: { "not-in": excluded } }, { limit: 10 });
    // a GSI without a sort key has no order: any 10 of the matches
    const allowed = expected((row) => row.seq < 50 && row.site === "site1");
    expect(onIndex).toHaveLength(10);
    expect(seqs(onIndex).every((seq) => allowed.includes(seq))).toBe(true);
    expect(Reading.explain({ site: "site1", code: { "not-in": excluded } }).operation).toBe("Query");
    expect(db.recorder.requests.every((request) => request.error === undefined)).toBe(true);
  });

  it("in on the full primary key: BatchGetItem, 100 keys a request, whatever the length", async () => {
    const keys = Array.from({ length: 250 }, (_, i) => i);
    const found = await Reading.where({ sensor: "s0", seq: keys, value: { "!=": 0 } });
    expect(seqs(found)).toEqual(expected((row) => row.sensor === "s0" && row.seq < 250 && row.value !== 0));
    expect(db.recorder.commands()).toEqual(["BatchGetItemCommand", "BatchGetItemCommand", "BatchGetItemCommand"]);
  });

  it("static update and delete take any in-list length too", async () => {
    expect(await Reading.update({ value: 99 }, { code: codes(600, 0), sensor: "s2" })).toBe(100);
    expect(await Reading.count({ value: 99 })).toBe(100);
    expect(await Reading.delete({ code: { in: codes(600, 0) }, value: 99 })).toBe(100);
    expect(await Reading.count({})).toBe(200);
    expect(db.recorder.requests.every((request) => request.error === undefined)).toBe(true);
  });
});
