import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Dynamite } from "../../lib/core/index.js";
import { createTestDynamite } from "../helpers/test-dynamite.js";
import { keyLookupArb, itemArb, tableQueryArb, unorderedReadArb } from "./differential/arbitraries.js";
import { asSet, inOrder } from "./differential/canonical.js";
import { DiffGroup, DiffItem } from "./differential/diff-models.js";
import { evaluate, matches } from "./reference/evaluate.js";

/** Fixed seed in CI: a failure prints the seed and path, which then becomes a regression test below. */
const RUNS = { seed: 42, numRuns: 40, endOnFailure: true };
type Item = Record<string, unknown>;

describe("differential: where/paginate/count against an in-memory reference evaluator (500 items)", () => {
  let dynamite: Dynamite;
  let items: Item[];
  beforeAll(async () => {
    dynamite = await createTestDynamite([DiffItem, DiffGroup]);
    items = fc.sample(itemArb, { seed: 42, numRuns: 500 }).map((item, index) => ({ ...item, sk: index }));
    await DiffItem.createMany(items as never);
  });
  afterAll(() => dynamite.disconnect());

  /** Every page of a paginated read, checking that no page repeats a row. */
  async function allPages(filters: Item, options: Item, limit: number): Promise<DiffItem[]> {
    const rows: DiffItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await DiffItem.paginate(filters, { ...options, limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      rows.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return rows;
  }

  it("a Query on the table key: ordered rows, skip/limit, projection, count and every page match", async () => {
    await fc.assert(
      fc.asyncProperty(tableQueryArb, fc.integer({ min: 1, max: 25 }), async (read, pageSize) => {
        const filters = { pk: read.pk, ...(read.sk !== undefined && { sk: read.sk }), ...read.others };
        const options = { order: read.order, skip: read.skip, limit: read.limit, attributes: read.attributes };
        const keyEquals =
          typeof read.sk === "number" || (typeof read.sk === "object" && read.sk !== null && Object.keys(read.sk).join() === "=");
        expect(DiffItem.explain(filters).operation).toBe(keyEquals ? "GetItem" : "Query");
        const expected = evaluate(items, { filters, orderBy: "sk", ...options });
        expect(inOrder(await DiffItem.where(filters, options))).toEqual(inOrder(expected));
        expect(await DiffItem.count(filters)).toBe(items.filter((item) => matches(item, filters)).length);
        const pages = await allPages(filters, { order: read.order, attributes: read.attributes }, pageSize);
        expect(inOrder(pages)).toEqual(
          inOrder(evaluate(items, { filters, orderBy: "sk", order: read.order, attributes: read.attributes })),
        );
      }),
      RUNS,
    );
  });

  it("a Scan or a GSI Query: the same set of rows, a limit takes that many matches, pages cover every row once", async () => {
    await fc.assert(
      fc.asyncProperty(unorderedReadArb, fc.integer({ min: 8, max: 80 }), async (read, pageSize) => {
        const filters = { ...(read.group && { group: read.group }), ...(read.pk && { pk: read.pk }), ...read.others };
        const all = evaluate(items, { filters, attributes: read.attributes ? [...read.attributes, "pk", "sk"] : undefined });
        const rows = await DiffItem.where(filters, { limit: read.limit, attributes: read.attributes });
        const projected = evaluate(items, { filters, attributes: read.attributes });
        if (read.limit === undefined) {
          expect(asSet(rows)).toEqual(asSet(projected));
        } else {
          expect(rows).toHaveLength(Math.min(read.limit, all.length));
          const allowed = new Set(inOrder(projected).map((row) => JSON.stringify(row)));
          for (const row of inOrder(rows)) expect(allowed.has(JSON.stringify(row))).toBe(true);
        }
        expect(await DiffItem.count(filters)).toBe(all.length);
        const pages = await allPages(
          filters,
          { attributes: read.attributes ? [...read.attributes, "pk", "sk"] : undefined },
          pageSize,
        );
        expect(asSet(pages)).toEqual(asSet(all));
      }),
      RUNS,
    );
  });

  it("a key lookup (GetItem / BatchGetItem) applies the other filters like DynamoDB would", async () => {
    await fc.assert(
      fc.asyncProperty(keyLookupArb, async (read) => {
        const single = read.pks.length === 1 && read.sks.length === 1;
        const filters = { pk: single ? read.pks[0] : read.pks, sk: single ? read.sks[0] : read.sks, ...read.others };
        expect(DiffItem.explain(filters).operation).toBe(single ? "GetItem" : "BatchGetItem");
        expect(asSet(await DiffItem.where(filters))).toEqual(asSet(evaluate(items, { filters })));
        expect(await DiffItem.count(filters)).toBe(evaluate(items, { filters }).length);
      }),
      RUNS,
    );
  });
});

describe("differential regressions (counterexamples found with seed 42)", () => {
  let dynamite: Dynamite;
  const rows = [5, 6, 7, 8, 9, 10].map((sk) => ({ pk: "r", sk, s: sk % 2 ? "😀" : "\uFFFD" }));
  beforeAll(async () => {
    dynamite = await createTestDynamite([DiffItem, DiffGroup]);
    await DiffItem.createMany(rows);
  });
  afterAll(() => dynamite.disconnect());
  const sks = (found: DiffItem[]) => found.map((row) => row.sk);

  it("regression: a second sort-key condition (sk != x) is checked on the returned items, not sent as a FilterExpression", async () => {
    expect(sks(await DiffItem.where({ pk: "r", sk: { ">": 5, "!=": 7 } }))).toEqual([6, 8, 9, 10]);
    expect(await DiffItem.count({ pk: "r", sk: { ">": 5, "!=": 7 } })).toBe(4);
    expect(DiffItem.explain({ pk: "r", sk: { ">": 5, "<": 9 } }).residualFilter).toBe("#n0 < :v0");
  });

  it('regression: `sk: { ">=": 9, "<=": 6 }` on a Query returns nothing instead of a reversed BETWEEN DynamoDB refuses', async () => {
    expect(await DiffItem.where({ pk: "r", sk: { ">=": 9, "<=": 6 } })).toEqual([]);
    const page = await DiffItem.paginate({ pk: "r", sk: { ">=": 9, "<=": 6 } }, { limit: 2 });
    expect(page).toEqual({ items: [] });
  });

  it("regression: string order on returned items is UTF-8 byte order, like DynamoDB (U+FFFD < 😀)", async () => {
    const fromQuery = await DiffItem.where({ pk: "r", s: { "<": "😀" } });
    const fromGetItems = await DiffItem.where({ pk: "r", sk: [5, 6, 7, 8], s: { "<": "😀" } });
    expect(sks(fromQuery)).toEqual([6, 8, 10]);
    expect(sks(fromGetItems).sort()).toEqual([6, 8]);
  });
});
