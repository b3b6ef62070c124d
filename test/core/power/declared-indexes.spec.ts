import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import { DescribeTableCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import {
  Attribute,
  Dynamite,
  GlobalIndex,
  IndexSort,
  LocalIndex,
  Name,
  PrimaryKey,
  Table,
  TTL,
} from "../../../lib/core/index.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { recordRequests } from "../../helpers/request-recorder.js";

class Order extends Table<Order> {
  @PrimaryKey() declare customer: string;
  @IndexSort() declare id: string;
  @GlobalIndex({ sortKey: "placedAt" }) declare status: string;
  @Attribute() declare placedAt: string;
  @LocalIndex({ name: "by_total" }) declare total: number;
  @GlobalIndex({ name: "by_sku", projection: "KEYS_ONLY" }) declare sku: string;
}

@Name("widgets")
class WidgetV1 extends Table<WidgetV1> {
  @PrimaryKey() declare id: string;
}

@Name("widgets")
class WidgetV2 extends Table<WidgetV2> {
  @PrimaryKey() declare id: string;
  @GlobalIndex() declare color: string;
  @GlobalIndex({ name: "by_size" }) declare size: number;
  @TTL() declare expiresAt?: Date;
}

@Name("widgets")
class WidgetRekeyed extends Table<WidgetRekeyed> {
  @PrimaryKey() declare id: string;
  @IndexSort() declare version: number;
  @LocalIndex() declare weight: number;
}

const clients: Dynamite[] = [];
function connect(tables: Dynamite["getTables"] extends () => infer T ? T : never, key: string, warnings: string[] = []) {
  const dynamite = new Dynamite({ ...testClientConfig(key), tables, warn: (message) => warnings.push(message) });
  dynamite.connect();
  clients.push(dynamite);
  return dynamite;
}

describe("declared indexes and the sync plan", () => {
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it("plan() lists create table, its indexes and TTL without creating anything", async () => {
    const dynamite = connect([Order, WidgetV2], `k${randomUUID().replaceAll("-", "")}`);
    const recorder = recordRequests(dynamite.getClient());
    const plan = await dynamite.plan();
    expect(plan).toEqual({
      changes: [
        { kind: "createTable", table: "orders", model: "Order", indexes: ["GSI_status_placedAt", "by_total", "by_sku"] },
        { kind: "createTable", table: "widgets", model: "WidgetV2", indexes: ["GSI_color", "by_size"] },
        { kind: "enableTtl", table: "widgets", model: "WidgetV2", attribute: "expiresAt" },
      ],
      warnings: [],
    });
    expect(await dynamite.sync({ dryRun: true })).toEqual(plan);
    recorder.stop();
    expect(recorder.commands().filter((command) => command !== "DescribeTableCommand")).toEqual([]);
    expect((await dynamite.getClient().send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it("sync() creates declared GSIs (with sort key and projection) and LSIs with the table; the planner queries them", async () => {
    const dynamite = connect([Order], `k${randomUUID().replaceAll("-", "")}`);
    await dynamite.sync();
    const { Table: table } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "orders" }));
    const gsis = Object.fromEntries(
      (table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, [i.KeySchema, i.Projection?.ProjectionType]]),
    );
    expect(gsis).toEqual({
      GSI_status_placedAt: [
        [
          { AttributeName: "status", KeyType: "HASH" },
          { AttributeName: "placedAt", KeyType: "RANGE" },
        ],
        "ALL",
      ],
      by_sku: [[{ AttributeName: "sku", KeyType: "HASH" }], "KEYS_ONLY"],
    });
    expect(table?.LocalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema])).toEqual([
      [
        "by_total",
        [
          { AttributeName: "customer", KeyType: "HASH" },
          { AttributeName: "total", KeyType: "RANGE" },
        ],
      ],
    ]);
    expect(table?.AttributeDefinitions).toContainEqual({ AttributeName: "total", AttributeType: "N" });

    expect(Order.explain({ status: "paid", placedAt: { ">=": "2026-01-01" } })).toMatchObject({
      operation: "Query",
      index: "GSI_status_placedAt",
    });
    expect(Order.explain({ customer: "c1", total: { ">": 100 } })).toMatchObject({ operation: "Query", index: "by_total" });
    // a KEYS_ONLY index would return partial rows, so the planner does not use it
    expect(Order.explain({ sku: "x" })).toMatchObject({ operation: "Scan" });

    await Order.create({ customer: "c1", id: "o1", status: "paid", placedAt: "2026-02-01", total: 150, sku: "a" });
    await Order.create({ customer: "c1", id: "o2", status: "open", placedAt: "2026-02-02", total: 50, sku: "b" });
    const recorder = recordRequests(dynamite.getClient());
    expect((await Order.where({ customer: "c1", total: { ">": 100 } })).map((o) => o.id)).toEqual(["o1"]);
    expect((await Order.where({ status: "paid", placedAt: { ">=": "2026-01-01" } })).map((o) => o.id)).toEqual(["o1"]);
    recorder.stop();
    expect(recorder.commands()).toEqual(["QueryCommand", "QueryCommand"]);
    expect(recorder.scanned()).toBe(2);
  });

  it("sync() adds missing GSIs to an existing table one UpdateTable at a time, waits for ACTIVE, enables TTL", async () => {
    const key = `k${randomUUID().replaceAll("-", "")}`;
    await connect([WidgetV1], key).sync();
    const dynamite = connect([WidgetV2], key);
    expect((await dynamite.plan()).changes).toEqual([
      { kind: "addIndex", table: "widgets", model: "WidgetV2", index: "GSI_color" },
      { kind: "addIndex", table: "widgets", model: "WidgetV2", index: "by_size" },
      { kind: "enableTtl", table: "widgets", model: "WidgetV2", attribute: "expiresAt" },
    ]);
    const recorder = recordRequests(dynamite.getClient());
    await dynamite.sync();
    recorder.stop();
    const updates = recorder.requests.filter((r) => r.command === "UpdateTableCommand");
    expect(updates.map((r) => r.input.GlobalSecondaryIndexUpdates.map((u: any) => u.Create.IndexName))).toEqual([
      ["GSI_color"],
      ["by_size"],
    ]);
    // the second UpdateTable is sent only after a DescribeTable saw the first index ACTIVE
    const commands = recorder.commands();
    expect(commands.indexOf("UpdateTableCommand")).toBeLessThan(commands.lastIndexOf("UpdateTableCommand") - 1);
    const { Table: table } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "widgets" }));
    expect(table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([
      ["GSI_color", "ACTIVE"],
      ["by_size", "ACTIVE"],
    ]);
    expect(table?.AttributeDefinitions).toContainEqual({ AttributeName: "size", AttributeType: "N" });
    expect(await dynamite.plan()).toEqual({ changes: [], warnings: [] });
    await WidgetV2.create({ id: "w1", color: "red", size: 3 });
    expect((await WidgetV2.where({ size: 3 })).map((w) => w.id)).toEqual(["w1"]);
  });

  it("sync() never changes an existing table's keys; it warns about the drift, naming the table", async () => {
    const key = `k${randomUUID().replaceAll("-", "")}`;
    await connect([WidgetV1], key).sync();
    const warnings: string[] = [];
    const dynamite = connect([WidgetRekeyed], key, warnings);
    const recorder = recordRequests(dynamite.getClient());
    const result = await dynamite.sync();
    recorder.stop();
    expect(result.changes).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^Dynamite sync: Table widgets: its key schema \(id HASH\) differs from model WidgetRekeyed \(id HASH, version RANGE\)/,
    );
    expect(warnings[1]).toMatch(/Table widgets: local secondary index LSI_weight of model WidgetRekeyed is missing/);
    expect(recorder.commands().filter((command) => !command.startsWith("Describe"))).toEqual([]);
  });
});
