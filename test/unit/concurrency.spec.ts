import { describe, expect, it } from "@jest/globals";
import { mapConcurrent } from "../../lib/core/support/concurrency.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("mapConcurrent()", () => {
  it("keeps at most `limit` calls in flight and returns results in input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("starts nothing after a failure and rejects only once the calls in flight have settled", async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const error = await mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      settled.push(n);
      if (n === 1) throw new Error("boom");
      return n;
    }).catch((e) => e);
    expect(error.message).toBe("boom");
    expect(started).toEqual([0, 1, 2]);
    expect([...settled].sort()).toEqual([...started].sort());
  });
});
