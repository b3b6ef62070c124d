import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import autocannon from "autocannon";
import type { INestApplication } from "@nestjs/common";
import { heapAfterGc } from "../helpers/heap.js";
import { testEndpoint } from "../helpers/test-dynamite.js";

/** 2,000 creates against the sample app over loopback, from a bounded load generator (50 connections). */
describe("load: the Nest sample under 2,000 concurrent creates", () => {
  let app: INestApplication;
  let User: { count(filters?: object): Promise<number> };
  let url: string;
  beforeAll(async () => {
    // the sample reads its endpoint from the environment; a fresh access key is a fresh database
    process.env.DYNAMODB_ENDPOINT = testEndpoint();
    process.env.AWS_ACCESS_KEY_ID = `load${randomUUID().replaceAll("-", "")}`;
    process.env.AWS_SECRET_ACCESS_KEY = "local";
    const { startSampleApp } = await import("../../sample/bootstrap.js");
    ({ User } = (await import("../../sample/users/user.model.js")) as never);
    app = await startSampleApp(0, { logger: false }); // a passing test prints nothing
    url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("answers every request 2xx, stores exactly 2,000 rows, no 5xx, live heap stays bounded", async () => {
    let n = 0;
    // RSS is not a leak signal here: the Jest worker shares its process with other specs, and the allocator keeps
    // freed pages. The live heap after a full GC is what a leak would grow (measured: +4 MB over 2,000 creates,
    // flat over 6,000).
    const heapBefore = heapAfterGc();
    const result = await autocannon({
      url: `${url}/users`,
      connections: 50,
      amount: 2_000,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ email: `u${n}@example.com`, name: `User ${n++}` }) }),
        },
      ],
    });
    const heapAfter = heapAfterGc();
    // the numbers travel with the assertion, so a failure shows them and a pass prints nothing
    const summary =
      `load: ${result.requests.total} requests, 2xx ${result["2xx"]}, non-2xx ${result.non2xx}, errors ${result.errors}, ` +
      `timeouts ${result.timeouts}, ${result.requests.average} req/s, latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms, ` +
      `heap after GC ${(heapBefore / 2 ** 20).toFixed(0)} → ${(heapAfter / 2 ** 20).toFixed(0)} MB`;
    expect({ "2xx": result["2xx"], non2xx: result.non2xx, errors: result.errors, summary }).toEqual({
      "2xx": 2_000,
      non2xx: 0,
      errors: 0,
      summary,
    });
    expect(await User.count({})).toBe(2_000);
    expect(heapAfter - heapBefore).toBeLessThan(32 * 2 ** 20);
  }, 120_000);
});
