import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { bootSampleApp, createProduct, createUser, get, post } from "./sample-app.js";

type Notification = { kind: string; message: string };

describe("sample GET /notifications (low-stock watcher on the products stream, order.placed through the outbox)", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  /** GET /notifications until it holds `count` (then once more after a pause, to catch any extra). */
  async function untilCount(count: number): Promise<Notification[]> {
    let latest: Notification[] = [];
    const refresh = async () => (latest = (await get(app, "/notifications")) as unknown as Notification[]);
    for (const deadline = Date.now() + 30_000; (await refresh()).length < count && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return refresh();
  }

  it("a checkout that takes a product below 5 units raises one low-stock alert; each committed order is notified once", async () => {
    const user = await createUser(app);
    const lamp = await createProduct(app, 6, 10);
    const order = await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 2 }] });
    const second = await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 1 }] });
    await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 99 }] }, 409);
    const notifications = await untilCount(3);
    const lampName = (await get(app, `/products/${lamp.id}`)).name;
    expect(notifications.filter((n) => n.kind === "low-stock").map((n) => n.message)).toEqual([`${lampName} is low on stock: 4 left`]);
    expect(notifications.filter((n) => n.kind === "order-placed").map((n) => n.message)).toEqual([
      `order ${order.id} placed by ${user.id}: 20`,
      `order ${second.id} placed by ${user.id}: 10`,
    ]);
  });
});
