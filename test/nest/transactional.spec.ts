import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule, Transactional, TransactionPropagationError } from "../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../helpers/request-recorder.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { CheckoutService } from "./src/checkout.module.js";
import { CheckoutModule } from "./src/checkout.module.js";
import { Order, User } from "./src/models.js";

const WRITES = ["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "BatchWriteItemCommand", "TransactWriteItemsCommand"];

describe("@Transactional()", () => {
  let app: INestApplication;
  let recorder: RequestRecorder;
  const writes = () => recorder.requests.filter((r) => WRITES.includes(r.command));
  const rowsOf = async (email: string) => {
    const user = await User.first({ email });
    return { user, orders: user ? await Order.where({ user_id: user.id }) : [] };
  };

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), CheckoutModule]);
    recorder = recordRequests(app.get(Dynamite).getClient());
  });
  beforeEach(() => recorder.reset());
  afterAll(async () => {
    recorder.stop();
    await app?.close();
  });

  it("a controller's writes (repository, static, instance) are one TransactWriteItems of 3 items", async () => {
    await request(app.getHttpServer()).post("/checkout").send({ email: "ok@example.com" }).expect(201);
    expect(writes().map((w) => [w.command, w.input.TransactItems?.length])).toEqual([["TransactWriteItemsCommand", 3]]);
    const { user, orders } = await rowsOf("ok@example.com");
    expect(user).toBeDefined();
    expect(orders.map((o) => o.total).sort()).toEqual([10, 20]);
  });

  it("a handler that throws after writing (?fail=1) sends no write and leaves nothing", async () => {
    const res = await request(app.getHttpServer()).post("/checkout?fail=1").send({ email: "fail@example.com" }).expect(400);
    expect(res.body.message).toBe("checkout failed on purpose");
    expect(writes()).toEqual([]);
    expect(await rowsOf("fail@example.com")).toEqual({ user: undefined, orders: [] });
  });

  it("20 parallel requests, half failing: each has its own transaction, exactly the successful ones persist", async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `p${i}@example.com`);
    const statuses = await Promise.all(
      emails.map((email, i) =>
        request(app.getHttpServer())
          .post(i % 2 ? "/checkout?fail=1" : "/checkout")
          .send({ email })
          .then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(emails.map((_, i) => (i % 2 ? 400 : 201)));
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual(Array(10).fill(3));
    const stored = (await User.where({ email: { "begins-with": "p" } })).map((u) => u.email).sort();
    expect(stored).toEqual(emails.filter((_, i) => i % 2 === 0).sort());
    const orders = await Promise.all(emails.map(async (email) => (await rowsOf(email)).orders.length));
    expect(orders).toEqual(emails.map((_, i) => (i % 2 ? 0 : 2)));
  });

  it("an Observable handler is collected inside the transaction and re-emitted", async () => {
    const res = await request(app.getHttpServer()).post("/checkout/observable").send({ email: "obs@example.com" }).expect(201);
    expect(res.body.id).toEqual(expect.any(String));
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual([3]);
    expect((await rowsOf("obs@example.com")).orders).toHaveLength(2);
  });

  it("an Observable that errors writes nothing and the client gets the error", async () => {
    await request(app.getHttpServer()).post("/checkout/observable?fail=1").send({ email: "obs-fail@example.com" }).expect(400);
    expect(writes()).toEqual([]);
    expect((await rowsOf("obs-fail@example.com")).user).toBeUndefined();
  });

  it("a handler returning a plain value runs in a transaction, and what it queued is committed", async () => {
    await request(app.getHttpServer()).get("/checkout/value").expect(200, { ok: true, inTransaction: true });
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual([1]);
    expect((await Order.where({ user_id: "plain" })).map((order) => order.id)).toEqual(["plain-value"]);
  });

  it("a nested @Transactional provider method joins the request's transaction (one TransactWriteItems of 5)", async () => {
    await request(app.getHttpServer()).post("/checkout/nested").send({ email: "nested@example.com" }).expect(201);
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual([5]);
    expect((await rowsOf("nested@example.com")).orders).toHaveLength(4);
  });

  it("a nested method that throws rolls back the outer transaction too", async () => {
    await request(app.getHttpServer()).post("/checkout/nested?fail=1").send({ email: "nested-fail@example.com" }).expect(400);
    expect(writes()).toEqual([]);
    expect((await rowsOf("nested-fail@example.com")).user).toBeUndefined();
  });

  it("a @Transactional provider method called outside a request commits its own transaction", async () => {
    await app.get(CheckoutService).orderPair("solo");
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual([2]);
    expect(await Order.where({ user_id: "solo" })).toHaveLength(2);
  });

  it("@Transactional() on a controller class covers its methods", async () => {
    await request(app.getHttpServer()).post("/orders").send({ user_id: "class-ok" }).expect(201);
    await request(app.getHttpServer()).post("/orders?fail=1").send({ user_id: "class-fail" }).expect(400);
    expect(writes().map((w) => w.input.TransactItems?.length)).toEqual([2]);
    expect(await Order.where({ user_id: "class-ok" })).toHaveLength(2);
    expect(await Order.where({ user_id: "class-fail" })).toEqual([]);
  });

  it("an unknown propagation is a TransactionPropagationError when the class is defined; null options are the defaults", () => {
    for (const propagation of ["sometimes", "required", 0]) {
      expect(() => Transactional({ propagation } as never)).toThrow(TransactionPropagationError);
    }
    class Service {
      async work() {
        return "done";
      }
    }
    expect(() => Transactional(null as never)(Service)).not.toThrow();
  });

  it("guards run outside the transaction, the handler inside", async () => {
    await request(app.getHttpServer()).get("/checkout/probe").expect(200, { guard: false, handler: true });
  });
});
