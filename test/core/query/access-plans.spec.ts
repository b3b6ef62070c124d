import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { DeleteAt, HasMany, IndexSort, PrimaryKey, Table, ValidationError, type NonAttribute } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Customer extends Table<Customer> {
  @PrimaryKey() declare id: string;
  declare name: string;
  declare tier: string;
  @DeleteAt() declare deletedAt?: string;
  @HasMany(() => Purchase, "customer_id") declare purchases: NonAttribute<Purchase[]>;
}

class Purchase extends Table<Purchase> {
  @PrimaryKey() declare id: string;
  declare customer_id: string;
  declare total: number;
}

class Reading extends Table<Reading> {
  @PrimaryKey() declare sensor: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare kind: string;
}

const pad = (n: number) => String(n).padStart(4, "0");
const SIZE = 2_000;

describe("access plans on tables of 2,000 items", () => {
  const db = useTestDatabase([Customer, Purchase, Reading], async () => {
    const tiers = ["gold", "silver", "bronze", "iron"];
    await Customer.createMany(
      Array.from({ length: SIZE }, (_, i) => ({ id: `c${pad(i)}`, name: `name ${i}`, tier: tiers[i % 4] })),
    );
    await Purchase.createMany(
      Array.from({ length: SIZE }, (_, i) => ({ id: `p${pad(i)}`, customer_id: `c${pad(i % 100)}`, total: i % 50 })),
    );
    await Reading.createMany(
      Array.from({ length: SIZE }, (_, i) => ({ sensor: `s${i % 10}`, seq: Math.floor(i / 10), kind: i % 20 < 10 ? "a" : "b" })),
    );
  });

  it("first({ id }) sends one GetItem and no Scan", async () => {
    const customer = await Customer.first({ id: "c0042" });
    expect(customer?.name).toBe("name 42");
    expect(db.recorder.commands()).toEqual(["GetItemCommand"]);
    expect(Customer.explain({ id: "c0042" })).toMatchObject({
      operation: "GetItem",
      table: "customers",
      keys: [{ id: "c0042" }],
    });
  });

  it("a soft-deleted row is hidden from a GetItem unless withTrashed/onlyTrashed", async () => {
    const doomed = (await Customer.first({ id: "c1999" }))!;
    await doomed.destroy();
    db.recorder.reset();
    expect(await Customer.first({ id: "c1999" })).toBeUndefined();
    expect((await Customer.withTrashed({ id: "c1999" })).map((c) => c.id)).toEqual(["c1999"]);
    expect((await Customer.onlyTrashed({ id: "c1999" })).map((c) => c.id)).toEqual(["c1999"]);
    expect(await Customer.count({ id: "c1999" })).toBe(0);
    expect(db.recorder.commands().every((c) => c === "GetItemCommand")).toBe(true);
  });

  it("where({ id: [1,000 ids] }) sends 10 BatchGetItems and returns rows in the order of the ids", async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `c${pad(999 - i)}`);
    const rows = await Customer.where({ id: ids });
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(db.recorder.count("BatchGetItemCommand")).toBe(10);
    expect(db.recorder.commands().filter((c) => c !== "BatchGetItemCommand")).toEqual([]);
    expect(db.recorder.requests.every((r) => Object.values(r.input.RequestItems as object)[0].Keys.length <= 100)).toBe(true);
    expect(Customer.explain({ id: ids })).toMatchObject({ operation: "BatchGetItem", requests: 10 });
  });

  it("partition key with = and sort-key bounds is one Query with BETWEEN in the key condition", async () => {
    const rows = await Reading.where({ sensor: "s3", seq: { ">=": 50, "<=": 59 } });
    expect(rows.map((r) => r.seq)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
    expect(db.recorder.scanned()).toBe(10);
    const plan = Reading.explain({ sensor: "s3", seq: { ">=": 50, "<=": 59 } });
    expect(plan).toMatchObject({ operation: "Query", table: "readings", keyCondition: "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2" });
    expect(plan.filter).toBeUndefined();
    expect(plan.names).toEqual({ "#n0": "sensor", "#n1": "seq" });
  });

  it("where(field, op, value) and sort-key operators go into the key condition", async () => {
    expect(await Reading.count({ sensor: "s1", seq: { "<": 5 } })).toBe(5);
    expect(db.recorder.requests[0].input).toMatchObject({ Select: "COUNT", KeyConditionExpression: "#n0 = :v0 AND #n1 < :v1" });
    expect(await Reading.where("sensor", "=", "s1")).toHaveLength(200);
    expect(db.recorder.commands()).toEqual(["QueryCommand", "QueryCommand"]);
    expect(Reading.explain({ sensor: "s1", seq: { "<": 3 } }).keyCondition).toBe("#n0 = :v0 AND #n1 < :v1");
  });

  it("conditions on other attributes go into the FilterExpression of the Query", async () => {
    const rows = await Reading.where({ sensor: "s2", kind: "a" });
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.kind === "a" && r.sensor === "s2")).toBe(true);
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
    expect(db.recorder.scanned()).toBe(200); // the partition, never the table
    expect(Reading.explain({ sensor: "s2", kind: "a" })).toMatchObject({ operation: "Query", filter: "#n1 = :v1" });
  });

  it('order: "DESC" is ScanIndexForward: false and reads only the limit', async () => {
    const rows = await Reading.where({ sensor: "s5" }, { order: "DESC", limit: 3 });
    expect(rows.map((r) => r.seq)).toEqual([199, 198, 197]);
    expect(db.recorder.requests[0].input).toMatchObject({ ScanIndexForward: false, Limit: 3 });
    expect(db.recorder.scanned()).toBe(3);
    expect(Reading.explain({ sensor: "s5" }, { order: "DESC" }).scanIndexForward).toBe(false);
  });

  it("last() on a Query is a descending Query with Limit 1", async () => {
    const last = await Reading.last({ sensor: "s7" });
    expect(last?.seq).toBe(199);
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
    expect(db.recorder.requests[0].input).toMatchObject({ ScanIndexForward: false, Limit: 1 });
    expect(db.recorder.scanned()).toBe(1);
  });

  it("a GSI partition key with = is a Query on the derived GSI", async () => {
    const rows = await Purchase.where({ customer_id: "c0007" });
    expect(rows).toHaveLength(20);
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
    expect(db.recorder.requests[0].input.IndexName).toBe("GSI1_customer_id");
    expect(db.recorder.scanned()).toBe(20);
    expect(Purchase.explain({ customer_id: "c0007", total: { ">": 10 } })).toMatchObject({
      operation: "Query",
      index: "GSI1_customer_id",
      keyCondition: "#n0 = :v0",
      filter: "#n1 > :v1",
    });
  });

  it("first() on a large table reads a handful of items, not the table", async () => {
    const first = await Customer.first();
    expect(first).toBeDefined();
    expect(db.recorder.commands()).toEqual(["ScanCommand"]);
    expect(db.recorder.scanned()).toBeLessThanOrEqual(10);
  });

  it("a filtered Scan follows LastEvaluatedKey only until skip + limit matches", async () => {
    const rows = await Customer.where({ tier: "gold" }, { skip: 5, limit: 5 });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.tier === "gold")).toBe(true);
    expect(db.recorder.commands().every((c) => c === "ScanCommand")).toBe(true);
    // a quarter of the rows match: about 40 items read for 10 matches, far from 2,000
    expect(db.recorder.scanned()).toBeLessThan(200);
    expect(Customer.explain({ tier: "gold" })).toMatchObject({
      operation: "Scan",
      filter: "(#n0 = :v0) AND (attribute_not_exists(#n1))",
    });
  });

  it("count() uses Select COUNT", async () => {
    expect(await Customer.count({ tier: "silver" })).toBe(500);
    expect(db.recorder.requests.every((r) => r.input.Select === "COUNT")).toBe(true);
    db.recorder.reset();
    expect(await Purchase.count({ customer_id: "c0001" })).toBe(20);
    expect(db.recorder.commands()).toEqual(["QueryCommand"]);
  });

  it("attributes becomes a ProjectionExpression; the key is fetched but not returned unless asked", async () => {
    const row = (await Customer.first({ id: "c0010" }, { attributes: ["name"] }))!;
    expect(row.toJSON()).toEqual({ name: "name 10" });
    const input = db.recorder.requests[0].input;
    expect(Object.values(input.ExpressionAttributeNames as object).sort()).toEqual(["deletedAt", "id", "name"]);
  });

  it("unknown operators, an empty in, bad include/attributes are ValidationErrors before any request", async () => {
    await expect(Customer.where({ tier: { "~=": "x" } })).rejects.toThrow(ValidationError);
    await expect(Customer.where({ id: [] })).rejects.toThrow(ValidationError);
    await expect(Customer.where({}, { include: { nope: true } as never })).rejects.toThrow(/nope.*not a relation/);
    await expect(Customer.where({}, { attributes: ["purchases"] })).rejects.toThrow(/relation/);
    await expect(Customer.where({}, { limit: -1 })).rejects.toThrow(ValidationError);
    expect(() => Customer.explain({ tier: { between: [1] } })).toThrow(ValidationError);
    expect(db.recorder.requests).toHaveLength(0);
  });
});
