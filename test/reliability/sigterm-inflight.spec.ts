import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { findFreePort } from "../../lib/testing/index.js";
import { testEndpoint } from "../helpers/test-dynamite.js";
import { runBurst, type Checkout } from "./sigterm/checkout-burst.js";
import { mapConcurrent } from "../../lib/core/support/concurrency.js";
import { postJson, type Outcome } from "./sigterm/http-outcome.js";
import {
  buildSample,
  descendantsOf,
  isRunning,
  startSampleProcess,
  waitForOutput,
  type SampleProcess,
} from "./sigterm/sample-process.js";
import { readStoredShop, type StoredShop } from "./sigterm/stored-shop.js";
import { report } from "../helpers/report.js";

const REQUESTS = 200;
const PRODUCTS = 20;
const STOCK = 10_000;
const ANSWERED_BEFORE_SIGTERM = 5;

/** Request i buys (1 + i % 3) of product i % 20 and 1 of product (i + 7) % 20: two lines, two stock decrements. */
function checkoutsFor(users: string[], products: string[]): Checkout[] {
  return users.map((user_id, i) => ({
    user_id,
    items: [
      { product_id: products[i % PRODUCTS]!, quantity: 1 + (i % 3) },
      { product_id: products[(i + 7) % PRODUCTS]!, quantity: 1 },
    ],
  }));
}

async function createAll(url: string, path: string, bodies: object[]): Promise<string[]> {
  const outcomes = await mapConcurrent(bodies, 20, (body) => postJson(`${url}${path}`, body, 20_000));
  const failed = outcomes.find((outcome) => outcome.status !== 201);
  if (failed) throw new Error(`seeding POST ${path} failed: ${JSON.stringify(failed)}`);
  return outcomes.map((outcome) => outcome.body.id);
}

/** The process's exit, or undefined when it is still running after `timeoutMs`. */
async function exitWithin(sample: SampleProcess, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    return await Promise.race([sample.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Fate = "committed" | "refused, absent" | "refused, stored" | "cut, absent" | "cut, stored";

/** Checks one request against the stored rows: its order is there with both lines exactly, or nothing of it is. */
function fateOf(checkout: Checkout, outcome: Outcome, shop: StoredShop): Fate {
  const orders = shop.orders.filter((order) => order.user_id === checkout.user_id);
  expect(orders.length).toBeLessThanOrEqual(1);
  const order = orders[0];
  if (outcome.status === 201) expect(order?.id).toBe(outcome.body.id);
  if (order) {
    const lines = shop.items
      .filter((item) => item.order_id === order.id)
      .map(({ product_id, quantity }) => ({ product_id, quantity }));
    expect(lines.sort((a, b) => a.product_id.localeCompare(b.product_id))).toEqual(
      [...checkout.items].sort((a, b) => a.product_id.localeCompare(b.product_id)),
    );
  }
  if (outcome.status === 201) return "committed";
  const stored = order ? "stored" : "absent";
  return outcome.status !== undefined ? `refused, ${stored}` : `cut, ${stored}`;
}

describe("SIGTERM during 200 in-flight @Transactional checkouts (the sample as a separate process)", () => {
  let sample: SampleProcess | undefined;
  beforeAll(async () => {
    await buildSample(); // what `npm start` runs is dist/sample-app: compile the current sources first
  }, 120_000);
  afterAll(() => {
    if (sample?.child.exitCode === null) sample.child.kill("SIGKILL");
  });

  it("each checkout is fully committed or absent, never partial; stock matches the stored orders; exit 0, no process left", async () => {
    const port = await findFreePort();
    const accessKeyId = `sigterm${randomUUID().replaceAll("-", "")}`; // a database of its own on the run's DynamoDB Local
    const { DYNAMODB_ENDPOINT: _ignored, ...env } = process.env;
    sample = startSampleProcess({
      ...env,
      PORT: String(port),
      DYNAMODB_ENDPOINT: testEndpoint(),
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_REGION: "us-east-1",
    });
    await waitForOutput(sample, new RegExp(`Sample app: http://localhost:${port}`), 20_000);
    const url = `http://127.0.0.1:${port}`;

    const products = await createAll(
      url,
      "/products",
      Array.from({ length: PRODUCTS }, (_, i) => ({
        name: `P${i}`,
        price: 2.5,
        stock: STOCK,
      })),
    );
    const users = await createAll(
      url,
      "/users",
      Array.from({ length: REQUESTS }, (_, i) => ({
        email: `buyer${i}@example.com`,
        name: `Buyer ${i}`,
      })),
    );
    const checkouts = checkoutsFor(users, products);
    const processes = [sample.child.pid!, ...descendantsOf(sample.child.pid!)];

    const burst = await runBurst(url, checkouts, ANSWERED_BEFORE_SIGTERM, () => sample!.child.kill("SIGTERM"));
    const exit = await exitWithin(sample, 30_000);
    expect(exit).toEqual({ code: 0, signal: null, at: expect.any(Number) });
    expect(sample.output()).toContain("SIGTERM: closing the app");
    expect(sample.output()).toContain("Stopped.");
    expect(processes.filter(isRunning)).toEqual([]);

    const shop = await readStoredShop(accessKeyId);
    const fates = checkouts.map((checkout, i) => fateOf(checkout, burst.outcomes[i]!, shop));
    // no line or stock decrement without its order: every item belongs to a stored order of the burst
    const orderIds = new Set(shop.orders.map((order) => order.id));
    expect(shop.items.filter((item) => !orderIds.has(item.order_id))).toEqual([]);
    expect(shop.orders).toHaveLength(fates.filter((fate) => fate === "committed" || fate.endsWith("stored")).length);
    for (const product of shop.products) {
      const sold = shop.items.filter((item) => item.product_id === product.id).reduce((sum, item) => sum + item.quantity, 0);
      expect({ id: product.id, stock: product.stock }).toEqual({
        id: product.id,
        stock: STOCK - sold,
      });
    }
    expect(shop.products).toHaveLength(PRODUCTS);

    const count = (fate: Fate) => fates.filter((f) => f === fate).length;
    const statuses = [...new Set(burst.outcomes.map((o) => o.status ?? o.error))].join(", ");
    report(
      `sigterm: ${burst.pendingAtSignal} of ${REQUESTS} unanswered at SIGTERM; committed ${count("committed")}, ` +
        `refused ${count("refused, absent")} (+${count("refused, stored")} stored), cut ${count("cut, absent")} (+${count("cut, stored")} stored); ` +
        `outcomes: ${statuses}; exit ${exit?.code} after ${exit ? exit.at - burst.signalledAt : "?"} ms`,
    );
    // the signal really came mid-burst: most requests were still unanswered when it was sent
    expect(burst.pendingAtSignal).toBeGreaterThanOrEqual(REQUESTS / 2);
    // shutdown drained what the server had accepted: every answer is a real one (201/409, never a 5xx
    // from a closed client); a connection the server had not read yet may be reset, and then
    // (checked by the fates above) its checkout is absent or complete, never partial
    expect(burst.outcomes.filter((o) => o.status !== undefined && o.status !== 201 && o.status !== 409)).toEqual([]);
    const connectionCut = new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "ECONNABORTED"]);
    expect(burst.outcomes.filter((o) => o.status === undefined && !connectionCut.has(o.error ?? ""))).toEqual([]);
  }, 60_000);
});
