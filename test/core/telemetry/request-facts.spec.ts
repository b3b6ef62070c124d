import { describe, expect, it } from "@jest/globals";
import { requestFacts } from "../../../lib/core/telemetry/request-facts.js";
import { RequestTotalsCounter } from "../../../lib/core/telemetry/request-totals.js";
import { requestAttributes } from "../../../lib/core/telemetry/span-attributes.js";

describe("requestFacts: what a request did, read from its input and output (pure, no database)", () => {
  it("a Query: tables, index, ScannedCount as items read, Count as returned, capacity, SDK retries", () => {
    const facts = requestFacts(
      "QueryCommand",
      { TableName: "orders", IndexName: "GSI1_user_id" },
      { Count: 2, ScannedCount: 9, ConsumedCapacity: { TableName: "orders", CapacityUnits: 1.5 }, $metadata: { attempts: 3 } },
    );
    expect(facts).toEqual({
      command: "Query",
      tables: ["orders"],
      index: "GSI1_user_id",
      itemsRead: 9,
      itemsReturned: 2,
      capacity: { orders: 1.5 },
      retries: 2,
    });
    expect(requestAttributes(facts, ["Order"])).toMatchObject({
      "db.system.name": "aws.dynamodb",
      "db.operation.name": "Query",
      "db.collection.name": "orders",
      "aws.dynamodb.index_name": "GSI1_user_id",
      "dynamite.model": "Order",
      "dynamite.items_read": 9,
      "dynamite.items_returned": 2,
      "dynamite.consumed_capacity": 1.5,
      "dynamite.retries": 2,
    });
  });

  it("BatchGetItem and BatchWriteItem: items found per table, unprocessed keys and items", () => {
    const get = requestFacts(
      "BatchGetItemCommand",
      { RequestItems: { users: { Keys: [{}, {}, {}] } } },
      { Responses: { users: [{}, {}] }, UnprocessedKeys: { users: { Keys: [{}] } } },
    );
    expect(get).toMatchObject({ command: "BatchGetItem", tables: ["users"], itemsRead: 2, itemsReturned: 2, unprocessed: 1 });
    const write = requestFacts(
      "BatchWriteItemCommand",
      { RequestItems: { orders: [] } },
      { UnprocessedItems: { orders: [{}, {}] } },
    );
    expect(write).toMatchObject({ itemsRead: 0, unprocessed: 2 });
    expect(requestAttributes(write, ["Order"])["dynamite.plan"]).toBeUndefined();
  });

  it("a cancelled TransactWriteItems: tables of every action, size, token, reasons (missing codes read as None)", () => {
    const facts = requestFacts(
      "TransactWriteItemsCommand",
      {
        ClientRequestToken: "t1",
        TransactItems: [{ Put: { TableName: "a" } }, { Update: { TableName: "b" } }, { Put: { TableName: "a" } }],
      },
      undefined,
      { name: "TransactionCanceledException", CancellationReasons: [{ Code: "None" }, {}, { Code: "ConditionalCheckFailed" }] },
    );
    expect(facts).toMatchObject({
      tables: ["a", "b"],
      transactionSize: 3,
      transactionToken: "t1",
      cancellationReasons: ["None", "None", "ConditionalCheckFailed"],
      retries: 0,
      capacity: {},
    });
  });

  it("odd shapes never throw: no output, an error that is not an object, empty TransactItems entries", () => {
    expect(requestFacts(undefined, {}, undefined, "boom")).toMatchObject({
      command: "Unknown",
      tables: [],
      itemsRead: 0,
      retries: 0,
    });
    expect(requestFacts("TransactWriteItemsCommand", { TransactItems: [null, {}] }).tables).toEqual([]);
    expect(requestFacts("GetItemCommand", { TableName: "x" }, { Item: undefined, ConsumedCapacity: [null] })).toMatchObject({
      itemsRead: 0,
      capacity: {},
    });
  });

  it("a table called __proto__ is an ordinary key of the capacity and of the totals", () => {
    const facts = requestFacts(
      "GetItemCommand",
      { TableName: "__proto__" },
      { Item: {}, ConsumedCapacity: { TableName: "__proto__", CapacityUnits: 0.5 } },
    );
    expect(Object.entries(facts.capacity)).toEqual([["__proto__", 0.5]]);
    const totals = new RequestTotalsCounter();
    totals.add(facts, ["__proto__"], false);
    const snapshot = totals.snapshot();
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(Object.keys(snapshot)).toEqual(["__proto__"]);
    expect(snapshot["__proto__"]).toMatchObject({ requests: 1, itemsRead: 1, consumedCapacity: 0.5 });
  });
});
