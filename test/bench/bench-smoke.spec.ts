import { describe, it, expect, beforeAll } from "@jest/globals";
import { runBench, type BenchReport } from "../../bench/bench.js";
import type { BenchConfig } from "../../bench/config.js";
import { renderReport } from "../../bench/report.js";
import type { Schedule } from "../../bench/runner.js";
import { evaluateTargets } from "../../bench/targets.js";
import type { ScenarioId } from "../../bench/types.js";
import { testEndpoint } from "../helpers/test-dynamite.js";

const tiny: Schedule = { warmup: 1, rounds: 2, perRound: 2 };
const schedules = Object.fromEntries(
  ["get", "query-gsi", "scan-filter", "paginate", "include", "update", "create", "create-many", "transaction"].map((id) => [
    id,
    tiny,
  ]),
) as Record<ScenarioId, Schedule>;
const config: BenchConfig = {
  users: 150,
  events: 100,
  schedules: { e2e: schedules, cpu: schedules },
  heapOps: 200,
  http: { amount: 10, rounds: 1, connections: 2 },
};
const CONTENDERS = ["raw", "nestjs-dynamite", "dynamoose", "electrodb"];

describe("npm run bench (smoke: tiny iteration counts, no timing assertions)", () => {
  let report: BenchReport;

  beforeAll(async () => {
    report = await runBench({ config, modes: ["e2e", "cpu"], scenarios: ["get", "query-gsi"], endpoint: testEndpoint() }, true);
  }, 120_000);

  it("reports both modes, every contender on each scenario, with the measured operation count", () => {
    expect(report.modes.map((m) => m.mode)).toEqual(["e2e", "cpu"]);
    for (const mode of report.modes) {
      for (const scenario of ["get", "query-gsi"]) {
        const rows = mode.results.filter((r) => r.scenario === scenario);
        expect(rows.map((r) => r.contender)).toEqual(CONTENDERS);
        for (const row of rows) {
          expect(row).toMatchObject({ supported: true, operations: tiny.rounds * tiny.perRound });
          expect(row.error).toBeUndefined();
          expect(row.opsPerSec).toBeGreaterThan(0);
          expect(row.p95Ms).toBeGreaterThanOrEqual(row.medianMs);
          expect(row.opsVsRaw).toBeGreaterThan(0);
        }
      }
    }
  });

  it("counts one GetItem reading one item per get by key, for every contender and mode", () => {
    for (const mode of report.modes) {
      for (const row of mode.results.filter((r) => r.scenario === "get")) {
        expect({
          contender: row.contender,
          commands: row.commands,
          read: row.itemsReadPerOp,
          returned: row.itemsReturnedPerOp,
        }).toEqual({
          contender: row.contender,
          commands: { GetItemCommand: 1 },
          read: 1,
          returned: 1,
        });
      }
    }
  });

  it("counts one Query reading 50 items for the 50 orders of the GSI scenario", () => {
    for (const mode of report.modes) {
      for (const row of mode.results.filter((r) => r.scenario === "query-gsi")) {
        expect([row.contender, row.commands, row.itemsReadPerOp, row.itemsReturnedPerOp]).toEqual([
          row.contender,
          { QueryCommand: 1 },
          50,
          50,
        ]);
      }
    }
  });

  it("sends one TransactWriteItems per HTTP request on both checkout endpoints", () => {
    const http = report.modes.find((m) => m.mode === "e2e")!.results.filter((r) => r.scenario === "http-checkout");
    expect(http.map((r) => r.contender)).toEqual(["raw", "nestjs-dynamite"]);
    for (const row of http) {
      expect(row.error).toBeUndefined();
      expect(row.operations).toBe(config.http.amount);
      expect(row.commands).toEqual({ TransactWriteItemsCommand: 1 });
    }
  });

  it("runs the heap check in CPU-only mode and renders the table and the targets", () => {
    const heap = report.modes.find((m) => m.mode === "cpu")!.heap!;
    expect(heap.map((h) => [h.contender, h.operations])).toEqual([
      ["nestjs-dynamite", 200],
      ["raw", 200],
    ]);
    const text = renderReport(report, "npm run bench -- --quick");
    expect(text).toContain("| get by key | nestjs-dynamite | 1 | 1 | 1 |");
    expect(text).toContain("### Targets");
    const targets = evaluateTargets(report);
    expect(targets.find((t) => t.target.startsWith("items read per item returned = 1.0 (get"))?.pass).toBe(true);
    expect(targets.find((t) => t.target.startsWith("items read per item returned = 1.0 (query-gsi"))?.pass).toBe(true);
  });
});
