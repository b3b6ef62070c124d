import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { bootSampleApp, createProduct, get, post } from "./sample-app.js";

describe("sample /products over HTTP", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  it("POST /products creates a product; GET /products/:id reads it back", async () => {
    const product = await post(app, "/products", { name: "Lamp", price: 19.99, stock: 4 });
    expect(product).toMatchObject({ name: "Lamp", price: 19.99, stock: 4 });
    expect(await get(app, `/products/${product.id}`)).toEqual(product);
  });

  it("GET /products pages through every product once with ?limit=&cursor=", async () => {
    const created = await Promise.all(Array.from({ length: 4 }, () => createProduct(app, 1)));
    const seen: string[] = [];
    let page = await get(app, "/products?limit=3");
    seen.push(...page.items.map((p: { id: string }) => p.id));
    while (page.cursor) {
      page = await get(app, `/products?limit=3&cursor=${encodeURIComponent(page.cursor)}`);
      seen.push(...page.items.map((p: { id: string }) => p.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((p) => p.id)));
  });

  it("PATCH /products/:id restocks", async () => {
    const product = await createProduct(app, 0);
    const res = await request(app.getHttpServer()).patch(`/products/${product.id}`).send({ stock: 12, price: 3 }).expect(200);
    expect(res.body).toMatchObject({ id: product.id, stock: 12, price: 3, name: product.name });
    expect(await get(app, `/products/${product.id}`)).toMatchObject({ stock: 12, price: 3 });
  });

  it("DELETE soft-deletes (hidden from GET and checkout); restore brings it back with its stock", async () => {
    const product = await createProduct(app, 3);
    await request(app.getHttpServer()).delete(`/products/${product.id}`).expect(204);
    await get(app, `/products/${product.id}`, 404);
    const user = await post(app, "/users", { email: "deleted-product@example.com", name: "Del" });
    const res = await request(app.getHttpServer())
      .post("/orders")
      .send({ user_id: user.id, items: [{ product_id: product.id, quantity: 1 }] })
      .expect(404);
    expect(res.body.model).toBe("Product");
    expect(await post(app, `/products/${product.id}/restore`, {}, 200)).toMatchObject({ id: product.id, stock: 3 });
    expect(await get(app, `/products/${product.id}`)).toMatchObject({ stock: 3 });
  });

  it("unknown ids are 404", async () => {
    await get(app, "/products/missing", 404);
    await request(app.getHttpServer()).patch("/products/missing").send({ stock: 1 }).expect(404);
    await request(app.getHttpServer()).delete("/products/missing").expect(404);
    await post(app, "/products/missing/restore", {}, 404);
  });
});
