import { describe, expect, it } from "@jest/globals";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import type { ModelTotals, RequestEvent, RequestTotals } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { onEachAttempt, serviceError } from "../../reliability/faults/middleware.js";
import { Purchase, seedShop, Shopper, TELEMETRY_MODELS } from "./fixtures.js";

const events: RequestEvent[] = [];
const warnings: string[] = [];
let throwFromHook = false;

/** What changed in the totals between two snapshots, per model. */
function diff(after: RequestTotals, before: RequestTotals): Record<string, Partial<ModelTotals>> {
  const changes: Record<string, Partial<ModelTotals>> = {};
  for (const [model, totals] of Object.entries(after)) {
    const previous = before[model];
    const change: Partial<ModelTotals> = {};
    for (const key of Object.keys(totals) as Array<keyof ModelTotals>) {
      const delta = totals[key] - (previous?.[key] ?? 0);
      if (delta) change[key] = delta;
    }
    if (Object.keys(change).length) changes[model] = change;
  }
  return changes;
}

describe("onRequest hook and requestTotals(): the same facts per request, totals per model (no tracer provider registered)", () => {
  const db = useTestDatabase(TELEMETRY_MODELS, seedShop, {
    onRequest: (event) => {
      if (throwFromHook) throw new Error("hook failed");
      events.push(event);
    },
    maxAttempts: 3,
    warn: (message) => warnings.push(message),
  });
  const reset = () => {
    events.length = 0;
    warnings.length = 0;
  };

  it("a GSI Query with a filter: one event naming the operation, model, index, plan, items and capacity", async () => {
    reset();
    await Purchase.where({ shopper_id: "s00", status: "paid" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: "Purchase.where",
      command: "Query",
      model: "Purchase",
      tables: ["purchases"],
      models: ["Purchase"],
      index: db.recorder.requests[0].input.IndexName,
      plan: "Query",
      itemsRead: 6,
      itemsReturned: 2,
      retries: 0,
    });
    expect(events[0].consumedCapacity).toBeGreaterThan(0);
    expect(events[0].durationMs).toBeGreaterThan(0);
    expect(events[0].error).toBeUndefined();
  });

  it("an include: one event per request (BatchGetItem then a Query per shopper), each with its own model", async () => {
    reset();
    await Shopper.where({ id: ["s00", "s01"] }, { include: ["purchases"] });
    expect(events.map((e) => `${e.command}:${e.model}`).sort()).toEqual([
      "BatchGetItem:Shopper",
      "Query:Purchase",
      "Query:Purchase",
    ]);
    expect(events.every((e) => e.operation === "Shopper.where")).toBe(true);
    expect(events).toHaveLength(db.recorder.requests.length);
  });

  it("requestTotals(): requests, items read/returned and capacity per model add up to the events", async () => {
    const before = db.dynamite.requestTotals();
    reset();
    await Shopper.first({ id: "s01" });
    await Purchase.where({ shopper_id: "s00" });
    await Shopper.where({ tier: "gold" }, { limit: 2 });
    const changes = diff(db.dynamite.requestTotals(), before);
    const sum = (model: string, key: "itemsRead" | "itemsReturned" | "consumedCapacity") =>
      events.filter((e) => e.model === model).reduce((total, e) => total + (e[key] ?? 0), 0);
    expect(changes.Purchase).toMatchObject({ requests: 1, itemsRead: 6, itemsReturned: 6 });
    expect(changes.Shopper?.requests).toBe(events.filter((e) => e.model === "Shopper").length);
    expect(changes.Shopper?.itemsRead).toBe(sum("Shopper", "itemsRead"));
    expect(changes.Shopper?.itemsReturned).toBe(sum("Shopper", "itemsReturned"));
    expect(changes.Shopper?.consumedCapacity).toBeCloseTo(sum("Shopper", "consumedCapacity"));
    expect(changes.Purchase?.consumedCapacity).toBeCloseTo(sum("Purchase", "consumedCapacity"));
    // a snapshot is a copy: changing it changes nothing
    const snapshot = db.dynamite.requestTotals();
    snapshot.Shopper.requests = -1;
    expect(db.dynamite.requestTotals().Shopper.requests).toBeGreaterThan(0);
  });

  it("a cancelled transaction: the event carries the size and the reasons; totals count an error for both models", async () => {
    const before = db.dynamite.requestTotals();
    reset();
    await db.dynamite
      .tx(async () => {
        await Shopper.create({ id: "s09", name: "duplicate", tier: "basic" });
        await Purchase.create({ id: "p-tx", shopper_id: "s09", status: "open", total: 1 });
      })
      .catch(() => undefined);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: "tx",
      command: "TransactWriteItems",
      models: ["Shopper", "Purchase"],
      transactionSize: 2,
      cancellationReasons: ["ConditionalCheckFailed", "None"],
    });
    expect((events[0].error as Error).name).toBe("TransactionCanceledException");
    const changes = diff(db.dynamite.requestTotals(), before);
    expect(changes.Shopper).toMatchObject({ requests: 1, errors: 1 });
    expect(changes.Purchase).toMatchObject({ requests: 1, errors: 1 });
  });

  it("retries the SDK made (throttling injected by a fault middleware) are reported on the event and the totals", async () => {
    const before = db.dynamite.requestTotals();
    reset();
    const remove = onEachAttempt(db.dynamite.getClient(), "GetItemCommand", (attempt) => {
      if (attempt === 1) throw serviceError("ThrottlingException", 400);
    });
    try {
      expect((await Shopper.first({ id: "s02" }))?.id).toBe("s02");
    } finally {
      remove();
    }
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ command: "GetItem", retries: 1, itemsRead: 1 });
    expect(diff(db.dynamite.requestTotals(), before).Shopper).toMatchObject({ requests: 1, retries: 1, itemsRead: 1 });
  });

  it("a hook that throws is reported through warn; the operation still succeeds", async () => {
    reset();
    throwFromHook = true;
    try {
      expect((await Shopper.first({ id: "s03" }))?.name).toBe("Shopper 3");
    } finally {
      throwFromHook = false;
    }
    expect(warnings).toEqual(["Dynamite: the onRequest hook threw: hook failed"]);
  });

  it("requests the application sends itself through getClient() are neither reported nor changed", async () => {
    const before = db.dynamite.requestTotals();
    reset();
    const output = await db.dynamite.getClient().send(new GetItemCommand({ TableName: "shoppers", Key: { id: { S: "s04" } } }));
    expect(output.Item?.name?.S).toBe("Shopper 4");
    expect(output.ConsumedCapacity).toBeUndefined();
    expect(db.recorder.requests[0].input.ReturnConsumedCapacity).toBeUndefined();
    expect(events).toHaveLength(0);
    expect(db.dynamite.requestTotals()).toEqual(before);
  });
});
