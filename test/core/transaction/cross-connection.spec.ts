import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ConfigError, Dynamite, PrimaryKey, Table } from "../../../lib/core/index.js";
import { recordRequests } from "../../helpers/request-recorder.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";

class Ledger extends Table<Ledger> {
  @PrimaryKey() declare id: string;
}

class Metric extends Table<Metric> {
  @PrimaryKey() declare id: string;
}

describe("a transaction commits through one connection", () => {
  let main: Dynamite;
  let analytics: Dynamite;
  beforeAll(async () => {
    main = await createTestDynamite([Ledger]);
    analytics = await createTestDynamite([Metric]);
  });
  afterAll(() => {
    main.disconnect();
    analytics.disconnect();
  });

  it("a write of a table bound to another connection is a ConfigError and nothing is sent", async () => {
    const recorder = recordRequests(main.getClient());
    const error = await main
      .tx(async () => {
        await Ledger.create({ id: "l1" });
        await Metric.create({ id: "m1" });
      })
      .catch((e) => e);
    recorder.stop();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/Metric is bound to another connection/);
    expect(recorder.count("TransactWriteItemsCommand")).toBe(0);
    expect(await Ledger.first({ id: "l1" })).toBeUndefined();
    expect(await Metric.first({ id: "m1" })).toBeUndefined();
  });

  it("writes of the transaction's own connection still join it", async () => {
    await main.tx(async () => {
      await Ledger.create({ id: "l2" });
    });
    expect((await Ledger.first({ id: "l2" }))?.id).toBe("l2");
  });
});
