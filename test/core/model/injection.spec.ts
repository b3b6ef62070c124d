import { describe, expect, it } from "@jest/globals";
import { PrimaryKey, Table } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

/** Attribute names that are DynamoDB reserved words. */
class Reserved extends Table<Reserved> {
  @PrimaryKey() declare id: string;
  declare name?: string;
  declare status?: string;
  declare date?: string;
  declare size?: number;
  declare count?: number;
}

const HOSTILE = [
  "#n0",
  ":v0",
  "a.b",
  "list[0]",
  `"double" 'single'`,
  ") OR (attribute_exists(id)",
  "x = :v0 OR #n0 <> :v1",
  "emoji 🧨💣 ünïcödé 中文",
  "x".repeat(100 * 1024),
];

describe("injection-proof expressions", () => {
  const db = useTestDatabase([Reserved]);

  it("round-trips reserved-word attribute names through create, update and where", async () => {
    await Reserved.create({ id: "r1", name: "n", status: "open", date: "2026-01-01", size: 3, count: 1 });
    const row = (await Reserved.first({ id: "r1" }))!;
    await row.update({ status: "closed", size: 4 });
    await row.increment("count", 2);
    const [found] = await Reserved.where({ status: "closed", size: 4, date: "2026-01-01", name: "n" });
    expect(found?.toJSON()).toEqual({ id: "r1", name: "n", status: "closed", date: "2026-01-01", size: 4, count: 3 });
  });

  it("never puts an attribute name or value into expression text", async () => {
    db.recorder.reset();
    await Reserved.where({ status: HOSTILE[5], name: { "begins-with": HOSTILE[0] } });
    for (const { input } of db.recorder.requests) {
      for (const expression of [input.FilterExpression, input.KeyConditionExpression, input.ConditionExpression]) {
        if (!expression) continue;
        expect(expression).not.toMatch(/status|name|OR \(attribute_exists/);
      }
    }
  });

  it.each(HOSTILE.map((value, i) => [i, value]))("round-trips hostile value #%s as data", async (i, value) => {
    const id = `hostile-${i}-${String(value).slice(0, 40)}`;
    await Reserved.create({ id, name: value as string, status: value as string });
    const row = await Reserved.first({ id });
    expect(row?.name).toBe(value);
    expect(row?.status).toBe(value);
  });

  it("a hostile filter value matches nothing extra", async () => {
    await Reserved.create({ id: "plain", status: "visible" });
    for (const value of HOSTILE) {
      const rows = await Reserved.where({ status: value });
      expect(rows.every((row) => row.status === value)).toBe(true);
    }
    expect(await Reserved.where({ status: ") OR (attribute_exists(id)" })).toHaveLength(1);
  });

  it("hostile keys are stored as keys, not interpreted", async () => {
    for (const value of HOSTILE.slice(0, 8)) {
      await Reserved.create({ id: value, status: "key-test" });
      expect((await Reserved.first({ id: value }))?.id).toBe(value);
    }
  });
});
