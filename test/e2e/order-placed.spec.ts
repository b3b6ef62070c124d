import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite } from "../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../helpers/request-recorder.js";
import { bootSampleApp, createProduct, createUser, get, post } from "./sample-app.js";

describe("sample: the orders controller's transaction interceptor and the 'order placed' event after commit", () => {
  let app: INestApplication;
  let recorder: RequestRecorder;
  const confirmationsOf = (userId: string) => get(app, `/orders/confirmations?user_id=${userId}`);
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

  it("a checkout of 2 products is one TransactWriteItems of 5 (order, 2 items, 2 stock decrements) and one confirmation", async () => {
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
    expect(transacts()).toEqual([5]);
    expect(recorder.count("PutItemCommand") + recorder.count("UpdateItemCommand")).toBe(0);
    expect(await confirmationsOf(user.id)).toEqual([{ orderId: order.id, userId: user.id, total: 8 }]);
  });

  it("a checkout DynamoDB cancels (409, stock short) confirms nothing", async () => {
    const user = await createUser(app, "Short");
    const scarce = await createProduct(app, 1);
    await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: user.id, items: [{ product_id: scarce.id, quantity: 2 }] })
      .expect(409);
    expect(await confirmationsOf(user.id)).toEqual([]);
  });

  it("a checkout that throws before the commit (404, unknown product) sends no TransactWriteItems and confirms nothing", async () => {
    const user = await createUser(app, "Lost");
    recorder.reset();
    await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: user.id, items: [{ product_id: "ghost", quantity: 1 }] })
      .expect(404);
    expect(transacts()).toEqual([]);
    expect(await confirmationsOf(user.id)).toEqual([]);
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
    const confirmed = (await Promise.all(buyers.map((buyer) => confirmationsOf(buyer.id)))).flat() as Array<{ orderId: string }>;
    expect(confirmed.map((c) => c.orderId).sort()).toEqual(placed.sort());
  });
});
