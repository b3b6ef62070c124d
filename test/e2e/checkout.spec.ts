import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { OrderItem } from "../../sample/orders/order-item.model.js";
import { bootSampleApp, createProduct, createUser, get, post } from "./sample-app.js";

describe("sample POST /orders (checkout under @Transactional)", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  const itemsOf = (orderId: string) => OrderItem.where({ order_id: orderId });

  it("creates the order and its items and decrements each product's stock", async () => {
    const user = await createUser(app);
    const pen = await createProduct(app, 10, 2.5);
    const ink = await createProduct(app, 3, 4);
    const order = await post(app, "/orders", {
      user_id: user.id,
      items: [
        { product_id: pen.id, quantity: 3 },
        { product_id: ink.id, quantity: 1 },
        { product_id: pen.id, quantity: 1 }, // same product twice: one line of 4
      ],
    });
    expect(order).toMatchObject({ user_id: user.id, total: 14, status: "placed" });
    expect(order.items).toHaveLength(2);
    expect((await get(app, `/products/${pen.id}`)).stock).toBe(6);
    expect((await get(app, `/products/${ink.id}`)).stock).toBe(2);
    expect((await itemsOf(order.id)).map((item) => [item.product_id, item.quantity]).sort()).toEqual(
      [
        [pen.id, 4],
        [ink.id, 1],
      ].sort(),
    );
  });

  it("GET /orders/:id includes the buyer and the items, each with its product", async () => {
    const user = await createUser(app, "Reader");
    const book = await createProduct(app, 5, 12);
    const placed = await post(app, "/orders", { user_id: user.id, items: [{ product_id: book.id, quantity: 2 }] });
    const order = await get(app, `/orders/${placed.id}`);
    expect(order.user).toMatchObject({ id: user.id, name: "Reader" });
    expect(order.items).toEqual([
      expect.objectContaining({
        product_id: book.id,
        quantity: 2,
        unit_price: 12,
        product: expect.objectContaining({ id: book.id, stock: 3 }),
      }),
    ]);
    await get(app, "/orders/missing", 404);
  });

  it("GET /orders?user_id= lists that user's orders page by page", async () => {
    const user = await createUser(app, "Regular");
    const tea = await createProduct(app, 10, 1);
    for (let i = 0; i < 3; i++) await post(app, "/orders", { user_id: user.id, items: [{ product_id: tea.id, quantity: 1 }] });
    const first = await get(app, `/orders?user_id=${user.id}&limit=2`);
    expect(first.items).toHaveLength(2);
    const second = await get(app, `/orders?user_id=${user.id}&limit=2&cursor=${encodeURIComponent(first.cursor)}`);
    expect(second.items).toHaveLength(1);
    expect(second.cursor).toBeUndefined();
    expect([...first.items, ...second.items].every((o: { user_id: string }) => o.user_id === user.id)).toBe(true);
  });

  it("a checkout that fails half-way (second product short) is 409 and writes nothing: no order, no items, no stock change", async () => {
    const user = await createUser(app, "Unlucky");
    const plenty = await createProduct(app, 50);
    const scarce = await createProduct(app, 1);
    const res = await request(app.getHttpServer())
      .post("/orders")
      .send({
        user_id: user.id,
        items: [
          { product_id: plenty.id, quantity: 5 },
          { product_id: scarce.id, quantity: 2 },
        ],
      })
      .expect(409);
    expect(res.body.reasons).toEqual([{ model: "Product", code: "ConditionalCheckFailed" }]);
    expect((await get(app, `/products/${plenty.id}`)).stock).toBe(50);
    expect((await get(app, `/products/${scarce.id}`)).stock).toBe(1);
    expect((await get(app, `/orders?user_id=${user.id}`)).items).toEqual([]);
    expect(await OrderItem.count({ product_id: plenty.id })).toBe(0);
  });

  it("20 concurrent checkouts of the last 5 units: exactly 5 succeed, 15 get 409, stock ends at 0", async () => {
    const buyers = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(app, `Racer${i}`)));
    const last = await createProduct(app, 5);
    const statuses = await Promise.all(
      buyers.map(async (buyer) => {
        const res = await request(app.getHttpServer())
          .post("/orders")
          .send({ user_id: buyer.id, items: [{ product_id: last.id, quantity: 1 }] });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    // Every decrement is an ADD of -1: a final 0 after exactly 5 sold means it never went below 0.
    expect((await get(app, `/products/${last.id}`)).stock).toBe(0);
    const sold = await OrderItem.where({ product_id: last.id });
    expect(sold.reduce((sum, item) => sum + item.quantity, 0)).toBe(5);
  });

  it("an unknown user or product is 404 and writes nothing", async () => {
    const product = await createProduct(app, 4);
    const unknownUser = await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: "nobody", items: [{ product_id: product.id, quantity: 1 }] })
      .expect(404);
    expect(unknownUser.body.model).toBe("User");
    const user = await createUser(app);
    const unknownProduct = await request(app.getHttpServer())
      .post("/orders")
      .send({
        user_id: user.id,
        items: [
          { product_id: product.id, quantity: 1 },
          { product_id: "ghost", quantity: 1 },
        ],
      })
      .expect(404);
    expect(unknownProduct.body.model).toBe("Product");
    expect((await get(app, `/products/${product.id}`)).stock).toBe(4);
  });
});
