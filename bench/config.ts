import type { Schedule } from "./runner.js";
import type { ScenarioId } from "./types.js";

/** How much work a run does. */
export interface BenchConfig {
  users: number;
  events: number;
  /** Schedules per mode and scenario. */
  schedules: Record<"e2e" | "cpu", Record<ScenarioId, Schedule>>;
  /** Operations of the heap-growth check (CPU-only mode; the target is stated for 100,000). */
  heapOps: number;
  /** HTTP scenario: requests per autocannon run, runs per endpoint, connections. */
  http: { amount: number; rounds: number; connections: number };
}

/** `heavyRounds` applies to the scenarios that cost ~100 requests an operation (include, createMany). */
function schedules(scale: number, rounds: number, heavyRounds = rounds): Record<ScenarioId, Schedule> {
  const s = (perRound: number, r = rounds): Schedule => {
    const n = Math.max(1, Math.ceil(perRound * scale));
    return { warmup: n, rounds: r, perRound: n };
  };
  return {
    get: s(40),
    "query-gsi": s(20),
    "scan-filter": s(20),
    paginate: s(40),
    include: s(3, heavyRounds),
    update: s(40),
    create: s(40),
    "create-many": s(1, heavyRounds),
    transaction: s(8),
  };
}

/** The full run: a few minutes on 2 cores. */
export const FULL: BenchConfig = {
  users: 2_000,
  events: 10_000,
  schedules: { e2e: schedules(1, 8), cpu: schedules(3, 8) },
  heapOps: 100_000,
  http: { amount: 800, rounds: 4, connections: 8 },
};

/** `--quick`: CI smoke, well under 2 minutes. */
export const QUICK: BenchConfig = {
  users: 1_000,
  events: 10_000,
  schedules: { e2e: schedules(0.25, 2, 1), cpu: schedules(0.5, 2, 1) },
  heapOps: 5_000,
  http: { amount: 100, rounds: 1, connections: 4 },
};
