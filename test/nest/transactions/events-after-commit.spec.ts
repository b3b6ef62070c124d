import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { CqrsModule } from "@nestjs/cqrs";
import { EventEmitterModule } from "@nestjs/event-emitter";
import request from "supertest";
import { Dynamite, DynamiteModule } from "../../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { writesOf } from "./write-requests.js";
import { bootApp } from "../src/boot.js";
import { commits, deliveries, PlaceOrderModule } from "../src/events.module.js";
import { Order } from "../src/models.js";

describe("events after commit through @nestjs/event-emitter and the @nestjs/cqrs EventBus", () => {
  let app: INestApplication;
  let recorder: RequestRecorder;
  const writes = () => writesOf(recorder);
  const post = (path: string) => request(app.getHttpServer()).post(path);

  beforeAll(async () => {
    app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }),
      EventEmitterModule.forRoot(),
      CqrsModule.forRoot(),
      PlaceOrderModule,
    ]);
    const client = app.get(Dynamite).getClient();
    recorder = recordRequests(client);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === "TransactWriteItemsCommand") commits.count++;
        return result;
      },
      { step: "initialize", name: "commitCounter" },
    );
  });
  beforeEach(() => {
    recorder.reset();
    deliveries.length = 0;
    commits.count = 0;
  });
  afterAll(async () => {
    recorder.stop();
    await app?.close();
  });

  it("committed: each bus gets the event once, after the one commit, outside any transaction; a listener's write is its own PutItem", async () => {
    await post("/orders?user=ok").expect(201);
    expect(deliveries.sort((a, b) => a.via.localeCompare(b.via))).toEqual([
      { via: "cqrs", userId: "ok", inTransaction: false, commits: 1 },
      { via: "event-emitter", userId: "ok", inTransaction: false, commits: 1 },
    ]);
    expect(writes()).toEqual([
      ["TransactWriteItemsCommand", 1],
      ["PutItemCommand", undefined],
    ]);
  });

  it("a handler that throws after publishing: no write, no delivery", async () => {
    await post("/orders?user=thrown&fail=1").expect(400);
    expect(writes()).toEqual([]);
    expect(deliveries).toEqual([]);
  });

  it("a transaction DynamoDB cancels (the same order id again → 409): no delivery for the cancelled one", async () => {
    await post("/orders?user=twice").expect(201);
    deliveries.length = 0;
    const res = await post("/orders?user=twice").expect(409);
    expect(res.body.reasons).toEqual([{ model: "Order", code: "ConditionalCheckFailed" }]);
    expect(deliveries).toEqual([]);
  });

  it("REQUIRES_NEW: the inner transaction's event is delivered (once per bus) although the request then fails", async () => {
    await post("/orders/requires-new?user=inner").expect(400);
    expect(deliveries.map((d) => [d.via, d.userId, d.commits]).sort()).toEqual([
      ["cqrs", "inner", 1],
      ["event-emitter", "inner", 1],
    ]);
  });
});

describe("events after commit in an app without an event bus", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), PlaceOrderModule]);
  });
  afterAll(() => app?.close());

  it("publishing still works: the order is committed and nobody is called", async () => {
    deliveries.length = 0;
    await request(app.getHttpServer()).post("/orders?user=alone").expect(201);
    expect(deliveries).toEqual([]);
    expect(await Order.count({ user_id: "alone" })).toBe(1);
  });
});
