import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { bootSampleApp, createProduct, createUser, get, post } from "./sample-app.js";

type Notification = { kind: string; message: string };

describe("sample GET /notifications (low-stock watcher on the products stream)", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootSampleApp();
  });
  afterAll(() => app?.close());

  /** GET /notifications until it holds `count` (then once more after a pause, to catch any extra). */
  async function untilCount(count: number): Promise<Notification[]> {
    const refresh = async () => (await get(app, "/notifications")) as unknown as Notification[];
    for (const deadline = Date.now() + 30_000; (await refresh()).length < count && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return refresh();
  }

  it("a checkout that takes a product below 5 units raises one low-stock alert, and only the crossing does", async () => {
    const user = await createUser(app);
    const lamp = await createProduct(app, 6, 10);
    await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 1 }] });
    await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 2 }] });
    await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 1 }] });
    await post(app, "/orders", { user_id: user.id, items: [{ product_id: lamp.id, quantity: 99 }] }, 409);
    const notifications = await untilCount(1);
    const lampName = (await get(app, `/products/${lamp.id}`)).name;
    // 6 → 5 → 3 (crossing: alert) → 2 (already low: none)
    expect(notifications.map((n) => n.message)).toEqual([`${lampName} is low on stock: 3 left`]);
  });
});
