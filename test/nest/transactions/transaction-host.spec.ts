import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Inject, Injectable, Module, type INestApplication } from "@nestjs/common";
import {
  Dynamite,
  DynamiteModule,
  DynamiteTransactionHost,
  DynamiteTransactionInterceptor,
  getDynamiteToken,
  getTransactionHostToken,
  getTransactionInterceptorToken,
  TransactionPropagationError,
} from "../../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { bootApp } from "../src/boot.js";
import { Event, Order } from "../src/models.js";

/** Plain code with both hosts injected: no request, no decorator. */
@Injectable()
class Reporting {
  constructor(
    readonly host: DynamiteTransactionHost,
    @Inject(getTransactionHostToken("analytics")) readonly analytics: DynamiteTransactionHost,
  ) {}
}

@Module({
  imports: [DynamiteModule.forFeature([Order]), DynamiteModule.forFeature([Event], "analytics")],
  providers: [Reporting],
})
class ReportingModule {}

describe("DynamiteTransactionHost: transactions from plain code", () => {
  let app: INestApplication;
  let reporting: Reporting;
  let main: RequestRecorder;
  let analytics: RequestRecorder;
  const transacts = (recorder: RequestRecorder) =>
    recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand").map((r) => r.input.TransactItems.length);

  beforeAll(async () => {
    app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }),
      DynamiteModule.forRoot({ ...testClientConfig(), name: "analytics", retryAttempts: 0 }),
      ReportingModule,
    ]);
    reporting = app.get(Reporting);
    main = recordRequests(app.get(Dynamite).getClient());
    analytics = recordRequests(app.get<Dynamite>(getDynamiteToken("analytics")).getClient());
  });
  beforeEach(() => {
    main.reset();
    analytics.reset();
  });
  afterAll(async () => {
    main.stop();
    analytics.stop();
    await app?.close();
  });

  it("withTransaction() commits one TransactWriteItems of 2; `tx` and isTransactionActive() see it inside, not outside", async () => {
    const { host } = reporting;
    expect(host.dynamite).toBe(app.get(Dynamite));
    const seen = await host.withTransaction(async (tx) => {
      await Order.create({ user_id: "host", total: 1 });
      await Order.create({ user_id: "host", total: 2 });
      return { same: host.tx === tx, active: host.isTransactionActive() };
    });
    expect(seen).toEqual({ same: true, active: true });
    expect(host.tx).toBeUndefined();
    expect(host.isTransactionActive()).toBe(false);
    expect(transacts(main)).toEqual([2]);
  });

  it("passes the propagation mode on: NEVER inside withTransaction() is a TransactionPropagationError, nothing is sent", async () => {
    const error = await reporting.host
      .withTransaction(async () => {
        await Order.create({ user_id: "host-never", total: 1 });
        await reporting.host.withTransaction(async () => undefined, { propagation: "NEVER" });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionPropagationError);
    expect(main.requests).toEqual([]);
  });

  it("getTransactionHostToken('analytics') injects the named connection's host: its commit goes to that client only", async () => {
    expect(reporting.analytics).toBeInstanceOf(DynamiteTransactionHost);
    expect(reporting.analytics.dynamite).toBe(app.get(getDynamiteToken("analytics")));
    await reporting.analytics.withTransaction(async () => {
      await Event.create({ type: "a" });
      await Event.create({ type: "b" });
    });
    expect(transacts(analytics)).toEqual([2]);
    expect(transacts(main)).toEqual([]);
  });

  it("token helpers: the class itself for the default connection (also for '' and undefined), one class per name", () => {
    for (const name of [undefined, "", "default"]) {
      expect(getTransactionHostToken(name)).toBe(DynamiteTransactionHost);
      expect(getTransactionInterceptorToken(name)).toBe(DynamiteTransactionInterceptor);
    }
    expect(getTransactionHostToken("analytics")).toBe(getTransactionHostToken("analytics"));
    expect(getTransactionHostToken("analytics").name).toBe("AnalyticsDynamiteTransactionHost");
    expect(getTransactionInterceptorToken("analytics").connectionName).toBe("analytics");
    for (const odd of ["__proto__", "constructor", "a b-c"]) {
      const named = getTransactionInterceptorToken(odd);
      expect(named).not.toBe(DynamiteTransactionInterceptor);
      expect(named.connectionName).toBe(odd);
      expect(Object.getPrototypeOf(named)).toBe(DynamiteTransactionInterceptor);
    }
  });
});
