import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { bootSampleApp, createProduct, createUser, get } from "./sample-app.js";

const fieldsOf = (body: { fields: Array<{ field: string }> }) => body.fields.map((f) => f.field).sort();

describe("sample DTO validation (ValidationPipe at the edge)", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  it("POST /users with a bad email and no name is 400 naming both fields", async () => {
    const res = await request(app.getHttpServer()).post("/users").send({ email: "not-an-email" }).expect(400);
    expect(fieldsOf(res.body)).toEqual(["email", "name"]);
    expect(res.body.message).toContain("email");
  });

  it("unknown fields are refused by name (no mass assignment of id or stock)", async () => {
    const res = await request(app.getHttpServer()).post("/users").send({ email: "a@b.co", name: "A", id: "mine" }).expect(400);
    expect(fieldsOf(res.body)).toEqual(["id"]);
  });

  it("POST /products with a negative price and a fractional stock names price and stock", async () => {
    const res = await request(app.getHttpServer()).post("/products").send({ name: "X", price: -1, stock: 1.5 }).expect(400);
    expect(fieldsOf(res.body)).toEqual(["price", "stock"]);
  });

  it("PATCH with a wrong type is 400 and changes nothing", async () => {
    const product = await createProduct(app, 2);
    const res = await request(app.getHttpServer()).patch(`/products/${product.id}`).send({ stock: "many" }).expect(400);
    expect(fieldsOf(res.body)).toEqual(["stock"]);
    expect((await get(app, `/products/${product.id}`)).stock).toBe(2);
  });

  it("POST /orders names nested item fields (items.1.quantity) and writes nothing", async () => {
    const user = await createUser(app);
    const product = await createProduct(app, 5);
    const res = await request(app.getHttpServer())
      .post("/orders")
      .send({
        user_id: user.id,
        items: [
          { product_id: product.id, quantity: 1 },
          { product_id: product.id, quantity: 0 },
        ],
      })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(["items.1.quantity"]);
    expect((await get(app, `/products/${product.id}`)).stock).toBe(5);
  });

  it("POST /orders without items, and list queries with a bad limit, are 400 by field", async () => {
    const empty = await request(app.getHttpServer()).post("/orders").send({ user_id: "u", items: [] }).expect(400);
    expect(fieldsOf(empty.body)).toEqual(["items"]);
    const limit = await request(app.getHttpServer()).get("/users?limit=0").expect(400);
    expect(fieldsOf(limit.body)).toEqual(["limit"]);
    const include = await request(app.getHttpServer()).get("/users/u1?include=secrets").expect(400);
    expect(fieldsOf(include.body)).toEqual(["include"]);
  });
});
