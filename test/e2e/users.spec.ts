import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { bootSampleApp, createUser, get, post } from "./sample-app.js";

describe("sample /users over HTTP", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  it("POST /users creates a user with a generated id and timestamps; the model lower-cases the email", async () => {
    const user = await post(app, "/users", { email: "Grace@Example.COM", name: "Grace" });
    expect(user).toMatchObject({ email: "grace@example.com", name: "Grace" });
    expect(user.id).toEqual(expect.any(String));
    expect(user.createdAt).toEqual(user.updatedAt);
    expect(await get(app, `/users/${user.id}`)).toEqual(user);
  });

  it("GET /users pages with ?limit= and an opaque cursor: every user exactly once", async () => {
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(app, `Pager${i}`)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await get(app, `/users${query}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u: { id: string }) => u.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((u) => u.id)));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("a tampered cursor is a 400, not a silent restart", async () => {
    const res = await request(app.getHttpServer()).get("/users?limit=1&cursor=not-a-cursor");
    expect(res.status).toBe(400);
  });

  it("GET /users/:id?include=orders returns the user with the orders placed by checkout", async () => {
    const user = await createUser(app, "Buyer");
    const product = await post(app, "/products", { name: "Mug", price: 7.5, stock: 10 });
    const order = await post(app, "/orders", { user_id: user.id, items: [{ product_id: product.id, quantity: 2 }] });
    const withOrders = await get(app, `/users/${user.id}?include=orders`);
    expect(withOrders.orders).toEqual([expect.objectContaining({ id: order.id, user_id: user.id, total: 15 })]);
    expect((await get(app, `/users/${user.id}`)).orders).toBeUndefined();
  });

  it("PATCH /users/:id changes only the given fields and bumps updatedAt", async () => {
    const user = await createUser(app, "Before");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const res = await request(app.getHttpServer()).patch(`/users/${user.id}`).send({ name: "After" }).expect(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, name: "After" });
    expect(res.body.updatedAt > user.updatedAt).toBe(true);
    expect(await get(app, `/users/${user.id}`)).toMatchObject({ name: "After", email: user.email });
  });

  it("DELETE /users/:id soft-deletes (404 afterwards); POST /users/:id/restore brings the user back", async () => {
    const user = await createUser(app, "Gone");
    await request(app.getHttpServer()).delete(`/users/${user.id}`).expect(204);
    await get(app, `/users/${user.id}`, 404);
    const restored = await post(app, `/users/${user.id}/restore`, {}, 200);
    expect(restored).toMatchObject({ id: user.id, name: "Gone" });
    expect(restored.deletedAt).toBeUndefined();
    expect(await get(app, `/users/${user.id}`)).toMatchObject({ id: user.id });
  });

  it("unknown ids are 404 with the model named; restoring a live user is 404 too", async () => {
    const res = await request(app.getHttpServer()).get("/users/nope").expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, model: "User" });
    await request(app.getHttpServer()).patch("/users/nope").send({ name: "x" }).expect(404);
    await request(app.getHttpServer()).delete("/users/nope").expect(404);
    const live = await createUser(app, "Live");
    await post(app, `/users/${live.id}/restore`, {}, 404);
  });
});
