import { describe, expect, it } from "@jest/globals";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { ConflictError, TransactionError } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { onEachAttempt } from "../../reliability/faults/middleware.js";
import { childrenOf, Purchase, seedShop, Shopper, spanNamed, sumOf, TELEMETRY_MODELS, useSpanExporter } from "./fixtures.js";

describe("OpenTelemetry spans: one per ORM operation, one child per DynamoDB request (in-memory exporter, DynamoDB Local)", () => {
  const db = useTestDatabase(TELEMETRY_MODELS, seedShop);
  const exporter = useSpanExporter();

  it("first({ id }): a GetItem child with the semantic-convention attributes, items and consumed capacity", async () => {
    const shopper = await Shopper.first({ id: "s03" });
    expect(shopper?.name).toBe("Shopper 3");
    const parent = spanNamed(exporter, "Shopper.first");
    expect(parent.kind).toBe(SpanKind.INTERNAL);
    expect(parent.attributes).toMatchObject({
      "db.system.name": "aws.dynamodb",
      "db.collection.name": "shoppers",
      "dynamite.model": "Shopper",
      "dynamite.operation": "first",
      "dynamite.plan": "GetItem",
      "dynamite.requests": 1,
      "dynamite.items_read": 1,
      "dynamite.items_returned": 1,
      "dynamite.retries": 0,
    });
    const [get] = childrenOf(exporter, parent);
    expect(childrenOf(exporter, parent)).toHaveLength(1);
    expect(get.name).toBe("GetItem shoppers");
    expect(get.kind).toBe(SpanKind.CLIENT);
    expect(get.attributes).toMatchObject({
      "db.system.name": "aws.dynamodb",
      "db.operation.name": "GetItem",
      "db.collection.name": "shoppers",
      "dynamite.model": "Shopper",
      "dynamite.plan": "GetItem",
      "dynamite.items_read": 1,
      "dynamite.items_returned": 1,
    });
    // DynamoDB Local reports capacity when asked (ReturnConsumedCapacity: TOTAL): half a unit for an eventually consistent read
    expect(get.attributes["dynamite.consumed_capacity"]).toBe(0.5);
    expect(parent.attributes["dynamite.consumed_capacity"]).toBe(0.5);
    expect(db.recorder.requests[0].input.ReturnConsumedCapacity).toBe("TOTAL");
  });

  it("a GSI Query with a filter: items read (ScannedCount) versus items returned, and the index", async () => {
    const paid = await Purchase.where({ shopper_id: "s00", status: "paid" });
    expect(paid).toHaveLength(2);
    const parent = spanNamed(exporter, "Purchase.where");
    const [query] = childrenOf(exporter, parent);
    expect(childrenOf(exporter, parent)).toHaveLength(1);
    expect(query.name).toBe("Query purchases");
    const index = db.recorder.requests[0].input.IndexName;
    expect(index).toMatch(/^GSI\d+_shopper_id$/);
    expect(query.attributes).toMatchObject({
      "db.operation.name": "Query",
      "db.collection.name": "purchases",
      "aws.dynamodb.index_name": index,
      "dynamite.plan": "Query",
      "dynamite.items_read": 6,
      "dynamite.items_returned": 2,
    });
    expect(parent.attributes).toMatchObject({
      "dynamite.plan": "Query",
      "aws.dynamodb.index_name": index,
      "dynamite.pages": 1,
      "dynamite.items_read": 6,
      "dynamite.items_returned": 2,
    });
  });

  it("a Scan that follows pages: one child per page, the parent adds up pages and items read", async () => {
    const gold = await Shopper.where({ tier: "gold" }, { limit: 6 });
    expect(gold).toHaveLength(6);
    const parent = spanNamed(exporter, "Shopper.where");
    const pages = childrenOf(exporter, parent);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBe(db.recorder.count("ScanCommand"));
    expect(pages.every((page) => page.name === "Scan shoppers" && page.attributes["dynamite.plan"] === "Scan")).toBe(true);
    expect(parent.attributes["dynamite.plan"]).toBe("Scan");
    expect(parent.attributes["dynamite.pages"]).toBe(pages.length);
    expect(parent.attributes["dynamite.requests"]).toBe(pages.length);
    expect(parent.attributes["dynamite.items_read"]).toBe(sumOf(pages, "dynamite.items_read"));
    expect(parent.attributes["dynamite.items_read"]).toBe(db.recorder.scanned());
    expect(sumOf(pages, "dynamite.items_returned")).toBeGreaterThanOrEqual(6);
    expect(parent.attributes["dynamite.items_returned"]).toBe(6);
  });

  it("an include: the parent span holds the BatchGetItem and one Query per shopper", async () => {
    const shoppers = await Shopper.where({ id: ["s00", "s01", "s02"] }, { include: ["purchases"] });
    expect(shoppers.map((s) => s.purchases.length)).toEqual([6, 1, 1]);
    const parent = spanNamed(exporter, "Shopper.where");
    const children = childrenOf(exporter, parent);
    expect(children.map((span) => span.name).sort()).toEqual([
      "BatchGetItem shoppers",
      "Query purchases",
      "Query purchases",
      "Query purchases",
    ]);
    const batch = children.find((span) => span.name === "BatchGetItem shoppers")!;
    expect(batch.attributes).toMatchObject({
      "dynamite.model": "Shopper",
      "dynamite.items_read": 3,
      "dynamite.items_returned": 3,
    });
    const queries = children.filter((span) => span.name === "Query purchases");
    expect(queries.every((span) => span.attributes["dynamite.model"] === "Purchase")).toBe(true);
    expect(sumOf(queries, "dynamite.items_returned")).toBe(8);
    expect(parent.attributes).toMatchObject({
      "dynamite.plan": "BatchGetItem",
      "dynamite.requests": 4,
      "dynamite.pages": 3,
      "dynamite.items_read": 3 + 8,
      "dynamite.items_returned": 3,
    });
    expect(parent.attributes["dynamite.consumed_capacity"]).toBe(sumOf(children, "dynamite.consumed_capacity"));
  });

  it("a cancelled transaction: tx span failed with the TransactionError, size and DynamoDB's reasons per action", async () => {
    const error = await db.dynamite
      .tx(async () => {
        await Purchase.create({ id: "p-new", shopper_id: "s05", status: "open", total: 1 });
        await Shopper.create({ id: "s05", name: "duplicate", tier: "basic" });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionError);
    const tx = spanNamed(exporter, "tx");
    expect(tx.status.code).toBe(SpanStatusCode.ERROR);
    expect(tx.attributes["error.type"]).toBe("TransactionError");
    expect(tx.events.find((event) => event.name === "exception")?.attributes?.["exception.type"]).toBe("TransactionError");
    expect(tx.attributes).toMatchObject({
      "dynamite.requests": 1,
      "dynamite.transaction.size": 2,
      "dynamite.transaction.cancellation_reasons": ["None", "ConditionalCheckFailed"],
    });
    const [write] = childrenOf(exporter, tx).filter((span) => span.name === "TransactWriteItems");
    expect(write.status.code).toBe(SpanStatusCode.ERROR);
    expect(write.attributes).toMatchObject({
      "db.operation.name": "TransactWriteItems",
      "aws.dynamodb.table_names": ["purchases", "shoppers"],
      "dynamite.model": ["Purchase", "Shopper"],
      "dynamite.transaction.size": 2,
      "error.type": "TransactionCanceledException",
    });
    // the creates joined the transaction: spans of their own, under tx, that sent nothing
    const creates = childrenOf(exporter, tx).filter((span) => span.name.endsWith(".create"));
    expect(creates.map((span) => span.attributes["dynamite.requests"])).toEqual([0, 0]);
    expect(await Purchase.first({ id: "p-new" })).toBeUndefined();
  });

  it("a transaction re-sent after a conflict (injected by a fault middleware): two requests, the tx span counts one retry", async () => {
    const remove = onEachAttempt(db.dynamite.getClient(), "TransactWriteItemsCommand", (attempt) => {
      if (attempt > 1) return;
      throw new TransactionCanceledException({
        message: "Transaction cancelled [TransactionConflict, None] (injected)",
        $metadata: {},
        CancellationReasons: [{ Code: "TransactionConflict" }, { Code: "None" }],
      });
    });
    try {
      await db.dynamite.tx(async () => {
        await Purchase.create({ id: "p-retried", shopper_id: "s08", status: "open", total: 2 });
        await Purchase.create({ id: "p-retried-2", shopper_id: "s08", status: "open", total: 3 });
      });
    } finally {
      remove();
    }
    const tx = spanNamed(exporter, "tx");
    expect(tx.status.code).toBe(SpanStatusCode.UNSET);
    expect(tx.attributes).toMatchObject({ "dynamite.requests": 2, "dynamite.retries": 1, "dynamite.transaction.size": 2 });
    const writes = childrenOf(exporter, tx).filter((span) => span.name === "TransactWriteItems purchases");
    expect(writes.map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
    expect(writes[0].attributes["dynamite.transaction.cancellation_reasons"]).toEqual(["TransactionConflict", "None"]);
    expect((await Purchase.where({ shopper_id: "s08" })).length).toBe(2);
  });

  it("a failed write outside a transaction: the span records the typed ConflictError, the request the SDK's error", async () => {
    const error = await Shopper.create({ id: "s06", name: "again", tier: "basic" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const parent = spanNamed(exporter, "Shopper.create");
    expect(parent.status).toMatchObject({ code: SpanStatusCode.ERROR });
    expect(parent.attributes["error.type"]).toBe("ConflictError");
    const [put] = childrenOf(exporter, parent);
    expect(put.name).toBe("PutItem shoppers");
    expect(put.attributes["error.type"]).toBe("ConditionalCheckFailedException");
  });

  it("sync() and nested operations: requests are children of the innermost operation", async () => {
    await db.dynamite.sync();
    const sync = spanNamed(exporter, "sync");
    const describes = childrenOf(exporter, sync).filter((span) => span.attributes["db.operation.name"] === "DescribeTable");
    expect(describes.length).toBeGreaterThanOrEqual(2);
    exporter.reset();
    const shopper = (await Shopper.first({ id: "s07" }))!;
    exporter.reset();
    await shopper.update({ name: "Renamed" });
    const update = spanNamed(exporter, "Shopper.update");
    const save = spanNamed(exporter, "Shopper.save");
    expect(save.parentSpanContext?.spanId).toBe(update.spanContext().spanId);
    expect(childrenOf(exporter, save).map((span) => span.name)).toEqual(["UpdateItem shoppers"]);
    expect(update.attributes["dynamite.requests"]).toBe(1);
  });
});
