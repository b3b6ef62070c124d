import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule, DynamiteTransactionInterceptor, getDynamiteToken } from "../../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { writesOf } from "./write-requests.js";
import { bootApp } from "../src/boot.js";
import { LocalInterceptorModule, timeline } from "../src/interceptor.module.js";
import { Event, Order } from "../src/models.js";

describe("DynamiteTransactionInterceptor per controller and per route", () => {
  let app: INestApplication;
  let main: RequestRecorder;
  let analytics: RequestRecorder;
  const writes = (recorder = main) => writesOf(recorder);
  const ordersOf = async (user: string) => (await Order.where({ user_id: user })).map((o) => o.total).sort();
  const post = (path: string) => request(app.getHttpServer()).post(path);

  beforeAll(async () => {
    app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }),
      DynamiteModule.forRoot({ ...testClientConfig(), name: "analytics", retryAttempts: 0 }),
      LocalInterceptorModule,
    ]);
    main = recordRequests(app.get(Dynamite).getClient());
    analytics = recordRequests(app.get<Dynamite>(getDynamiteToken("analytics")).getClient());
    // "commit" joins the timeline when a TransactWriteItems has succeeded
    app
      .get(Dynamite)
      .getClient()
      .middlewareStack.add(
        (next, context) => async (args) => {
          const result = await next(args);
          if (context.commandName === "TransactWriteItemsCommand") timeline.push("commit");
          return result;
        },
        { step: "initialize", name: "timeline" },
      );
  });
  beforeEach(() => {
    main.reset();
    analytics.reset();
    timeline.length = 0;
  });
  afterAll(async () => {
    main.stop();
    analytics.stop();
    await app?.close();
  });

  it("is a provider of the module, resolved with the connection through DI", () => {
    expect(app.get(DynamiteTransactionInterceptor)).toBeInstanceOf(DynamiteTransactionInterceptor);
  });

  it("@UseInterceptors on a controller: the handler's 2 writes are one TransactWriteItems of 2, committed before the response", async () => {
    await post("/per-controller?user=c-ok").expect(201, { ok: true });
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
    expect(timeline).toEqual(["commit", "response"]);
    expect(await ordersOf("c-ok")).toEqual([1, 2]);
  });

  it("a handler that throws after writing sends no write (0 requests) and gets its error status", async () => {
    const res = await post("/per-controller?user=c-fail&fail=1").expect(400);
    expect(res.body.message).toBe("failed on purpose");
    expect(writes()).toEqual([]);
    expect(timeline).toEqual(["response"]);
    expect(await ordersOf("c-fail")).toEqual([]);
  });

  it("an Observable handler commits when it completes: 3 writes in one TransactWriteItems of 3, then its last value is sent", async () => {
    const res = await post("/per-controller/observable?user=c-obs").expect(201);
    expect(res.text).toBe("3");
    expect(writes()).toEqual([["TransactWriteItemsCommand", 3]]);
    expect(timeline).toEqual(["commit", "response"]);
  });

  it("an Observable that errors after 3 writes writes nothing", async () => {
    await post("/per-controller/observable?user=c-obs-fail&fail=1").expect(400);
    expect(writes()).toEqual([]);
    expect(await ordersOf("c-obs-fail")).toEqual([]);
  });

  it("an SSE stream (finite) is held until it completes: the 3 events arrive after the one commit", async () => {
    const res = await request(app.getHttpServer()).get("/per-controller/sse?user=c-sse").buffer(true).expect(200);
    expect(res.text.match(/data: \{"n":\d\}/g)).toEqual(['data: {"n":1}', 'data: {"n":2}', 'data: {"n":3}']);
    expect(writes()).toEqual([["TransactWriteItemsCommand", 3]]);
  });

  it("@UseInterceptors on one route: that route commits one TransactWriteItems of 2; its neighbour sends 2 PutItem", async () => {
    await post("/per-route/tx?user=r-tx").expect(201);
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
    main.reset();
    await post("/per-route/plain?user=r-plain").expect(201);
    expect(writes()).toEqual([
      ["PutItemCommand", undefined],
      ["PutItemCommand", undefined],
    ]);
  });

  it("getTransactionInterceptorToken('analytics') commits on the named connection (one TransactWriteItems of 2 there, none on the default)", async () => {
    await post("/analytics").expect(201);
    expect(writes(analytics)).toEqual([["TransactWriteItemsCommand", 2]]);
    expect(writes(main)).toEqual([]);
    expect(await Event.count()).toBe(2);
    await post("/analytics?fail=1").expect(400);
    expect(await Event.count()).toBe(2);
  });

  it("20 parallel requests through the interceptor, half failing: 10 TransactWriteItems of 2, exactly the successful rows", async () => {
    const users = Array.from({ length: 20 }, (_, i) => `par-${i}`);
    const statuses = await Promise.all(
      users.map((user, i) => post(`/per-controller?user=${user}${i % 2 ? "&fail=1" : ""}`).then((r) => r.status)),
    );
    expect(statuses).toEqual(users.map((_, i) => (i % 2 ? 400 : 201)));
    expect(writes()).toEqual(Array(10).fill(["TransactWriteItemsCommand", 2]));
    const counts = await Promise.all(users.map(async (user) => (await ordersOf(user)).length));
    expect(counts).toEqual(users.map((_, i) => (i % 2 ? 0 : 2)));
  });
});
