import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite } from "../../lib/index.js";
import { CheckoutService } from "../../sample/orders/checkout.service.js";
import { recordRequests, type RequestRecorder } from "../helpers/request-recorder.js";
import { bootSampleApp, createProduct, createUser, get, post } from "./sample-app.js";

describe("sample: the orders controller's transaction interceptor and the 'order placed' event, relayed through the outbox", () => {
  let app: INestApplication;
  let recorder: RequestRecorder;
  const confirmationsOf = (userId: string) => get(app, `/orders/confirmations?user_id=${userId}`);
  /** The outbox relay delivers from the stream (a poll later): waits for `count` confirmations, then a moment for extras. */
  const confirmationsAfterRelay = async (userId: string, count: number) => {
    for (
      const deadline = Date.now() + 20_000;
      ((await confirmationsOf(userId)) as unknown as unknown[]).length < count && Date.now() < deadline;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    return confirmationsOf(userId);
  };
  /** Writes of the shop's own tables (the relay's outbox and checkpoint writes go through the same client). */
  const shopWrites = (command: string) =>
    recorder.requests.filter((r) => r.command === command && !String(r.input.TableName).startsWith("dynamite_")).length;
  const transacts = () =>
    recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand").map((r) => r.input.TransactItems.length);

  beforeAll(async () => {
    app = await bootSampleApp();
    recorder = recordRequests(app.get(Dynamite).getClient());
  });
  beforeEach(() => recorder.reset());
  afterAll(async () => {
    recorder.stop();
    await app?.close();
  });

  it("a checkout of 2 products is one TransactWriteItems of 6 (order, 2 items, 2 stock decrements, the outbox event) and one confirmation", async () => {
    const user = await createUser(app, "Confirmed");
    const [pen, ink] = [await createProduct(app, 10, 2), await createProduct(app, 10, 3)];
    recorder.reset();
    const order = await post(app, "/orders", {
      user_id: user.id,
      items: [
        { product_id: pen.id, quantity: 1 },
        { product_id: ink.id, quantity: 2 },
      ],
    });
    expect(transacts()).toEqual([6]);
    expect(shopWrites("PutItemCommand") + shopWrites("UpdateItemCommand")).toBe(0);
    expect(await confirmationsAfterRelay(user.id, 1)).toEqual([{ orderId: order.id, userId: user.id, total: 8 }]);
  });

  it("CheckoutService.checkout called outside any request (its own @Transactional()): one TransactWriteItems of 4 (order, item, decrement, outbox event), one confirmation", async () => {
    const user = await createUser(app, "Scripted");
    const pen = await createProduct(app, 5, 2);
    recorder.reset();
    const order = await app.get(CheckoutService).checkout({ user_id: user.id, items: [{ product_id: pen.id, quantity: 2 }] });
    expect(transacts()).toEqual([4]);
    expect(await confirmationsAfterRelay(user.id, 1)).toEqual([{ orderId: order.id, userId: user.id, total: 4 }]);
  });

  it("a checkout DynamoDB cancels (409, stock short) confirms nothing", async () => {
    const user = await createUser(app, "Short");
    const scarce = await createProduct(app, 1);
    await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: user.id, items: [{ product_id: scarce.id, quantity: 2 }] })
      .expect(409);
    expect(await confirmationsAfterRelay(user.id, 0)).toEqual([]);
  });

  it("a checkout that throws before the commit (404, unknown product) sends no TransactWriteItems and confirms nothing", async () => {
    const user = await createUser(app, "Lost");
    recorder.reset();
    await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: user.id, items: [{ product_id: "ghost", quantity: 1 }] })
      .expect(404);
    expect(transacts()).toEqual([]);
    expect(await confirmationsAfterRelay(user.id, 0)).toEqual([]);
  });

  it("10 buyers race for 3 units: exactly the 3 committed orders are confirmed, each once", async () => {
    const buyers = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser(app, `Race${i}`)));
    const last = await createProduct(app, 3);
    const results = await Promise.all(
      buyers.map((buyer) =>
        request(app.getHttpServer())
          .post("/orders")
          .send({ user_id: buyer.id, items: [{ product_id: last.id, quantity: 1 }] }),
      ),
    );
    const placed = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    expect(placed).toHaveLength(3);
    const confirmedNow = async () =>
      (await Promise.all(buyers.map((buyer) => confirmationsOf(buyer.id)))).flat() as Array<{ orderId: string }>;
    for (const deadline = Date.now() + 20_000; (await confirmedNow()).length < placed.length && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const confirmed = await confirmedNow();
    expect(confirmed.map((c) => c.orderId).sort()).toEqual(placed.sort());
  });
});
