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

function schedules(scale: number, rounds: number): Record<ScenarioId, Schedule> {
  const s = (perRound: number): Schedule => ({ warmup: Math.max(1, Math.ceil(perRound * scale)), rounds, perRound: Math.max(1, Math.ceil(perRound * scale)) });
  return {
    get: s(40),
    "query-gsi": s(20),
    "scan-filter": s(20),
    paginate: s(40),
    include: s(3),
    update: s(40),
    create: s(40),
    "create-many": s(1),
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
  schedules: { e2e: schedules(0.25, 2), cpu: schedules(0.5, 3) },
  heapOps: 10_000,
  http: { amount: 150, rounds: 2, connections: 4 },
};
