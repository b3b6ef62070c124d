import { describe, expect, it } from "@jest/globals";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { Purchase, seedShop, Shopper, TELEMETRY_MODELS } from "./fixtures.js";

describe("requestTotals() with no hook and no tracer provider (operations are not tracked, requests still are)", () => {
  const db = useTestDatabase(TELEMETRY_MODELS, seedShop);

  it("counts the engine's requests per model, with capacity asked for; a read, an include and a write", async () => {
    const before = db.dynamite.requestTotals();
    await Shopper.where({ id: ["s00", "s01"] }, { include: ["purchases"] });
    await Purchase.create({ id: "p-totals", shopper_id: "s01", status: "open", total: 5 });
    const after = db.dynamite.requestTotals();
    expect(after.Shopper.requests - before.Shopper.requests).toBe(1);
    expect(after.Shopper.itemsRead - before.Shopper.itemsRead).toBe(2);
    expect(after.Purchase.requests - before.Purchase.requests).toBe(3); // 2 Queries + 1 PutItem
    expect(after.Purchase.itemsReturned - before.Purchase.itemsReturned).toBe(7);
    expect(db.recorder.requests.every((request) => request.input.ReturnConsumedCapacity === "TOTAL")).toBe(true);
    const reported = db.recorder.requests.reduce((sum, request) => sum + (request.capacityUnits ?? 0), 0);
    const counted =
      after.Shopper.consumedCapacity -
      before.Shopper.consumedCapacity +
      (after.Purchase.consumedCapacity - before.Purchase.consumedCapacity);
    expect(reported).toBeGreaterThan(0);
    expect(counted).toBeCloseTo(reported);
  });

  it("requests the application sends through getClient() are neither counted nor changed", async () => {
    const before = db.dynamite.requestTotals();
    const output = await db.dynamite.getClient().send(new GetItemCommand({ TableName: "shoppers", Key: { id: { S: "s04" } } }));
    expect(output.Item?.name?.S).toBe("Shopper 4");
    expect(output.ConsumedCapacity).toBeUndefined();
    expect(db.recorder.requests[0].input.ReturnConsumedCapacity).toBeUndefined();
    expect(db.dynamite.requestTotals()).toEqual(before);
  });
});
