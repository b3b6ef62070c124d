import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule } from "../../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { writesOf } from "./write-requests.js";
import { bootApp } from "../src/boot.js";
import { GlobalInterceptorModule } from "../src/interceptor.module.js";
import { Order } from "../src/models.js";

describe("DynamiteTransactionInterceptor for the whole app (APP_INTERCEPTOR)", () => {
  let app: INestApplication;
  let recorder: RequestRecorder;
  const writes = () => writesOf(recorder);
  const ordersOf = async (user: string) => (await Order.where({ user_id: user })).map((o) => o.total).sort();
  const post = (path: string) => request(app.getHttpServer()).post(path);

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), GlobalInterceptorModule]);
    recorder = recordRequests(app.get(Dynamite).getClient());
  });
  beforeEach(() => recorder.reset());
  afterAll(async () => {
    recorder.stop();
    await app?.close();
  });

  it("a handler without any decorator runs in a transaction: one TransactWriteItems of 2", async () => {
    await post("/global?user=g-ok").expect(201, { ok: true });
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
  });

  it("a handler without a decorator that throws writes nothing", async () => {
    await post("/global?user=g-fail&fail=1").expect(400);
    expect(writes()).toEqual([]);
    expect(await ordersOf("g-fail")).toEqual([]);
  });

  it("a lazy Observable handler (defer) is subscribed inside the transaction: one TransactWriteItems of 2", async () => {
    await post("/global/lazy?user=g-lazy").expect(201, { ok: true });
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
  });

  it("@Transactional({ propagation: 'NOT_SUPPORTED' }) opts a handler out: 2 PutItem, kept even when it then throws", async () => {
    await post("/global/opt-out?user=g-out").expect(201);
    expect(writes()).toEqual([
      ["PutItemCommand", undefined],
      ["PutItemCommand", undefined],
    ]);
    recorder.reset();
    await post("/global/opt-out?user=g-out-fail&fail=1").expect(400);
    expect(writes()).toHaveLength(2);
    expect(await ordersOf("g-out-fail")).toEqual([1, 2]);
  });

  it("a NEVER handler is not wrapped either (2 PutItem, 201); a MANDATORY one joins the interceptor's transaction (TransactWriteItems of 2)", async () => {
    await post("/global/never?user=g-never").expect(201);
    expect(writes()).toEqual([
      ["PutItemCommand", undefined],
      ["PutItemCommand", undefined],
    ]);
    recorder.reset();
    await post("/global/mandatory?user=g-mand").expect(201);
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
  });

  it("@Transactional() on a handler under the global interceptor is one transaction, not two (one TransactWriteItems of 2)", async () => {
    await post("/global/decorated?user=g-dec").expect(201);
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
  });

  it("a REQUIRES_NEW provider method commits on its own (TransactWriteItems of 1) and stays when the request then fails", async () => {
    await post("/global/requires-new?user=g-new").expect(400);
    expect(writes()).toEqual([["TransactWriteItemsCommand", 1]]);
    expect(await ordersOf("g-new")).toEqual([99]);
  });
});
