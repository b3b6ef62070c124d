import { Meter, type MeterCounts } from "./metrics.js";
import { summarize } from "./stats.js";
import type { Contender, ContenderName, ScenarioId } from "./types.js";

/** Iterations of one scenario: rounds × per-round operations, after warm-up operations. */
export interface Schedule {
  warmup: number;
  rounds: number;
  perRound: number;
}

/** One contender's numbers on one scenario. */
export interface ScenarioResult {
  scenario: ScenarioId | "http-checkout";
  contender: ContenderName;
  supported: boolean;
  operations: number;
  requestsPerOp: number;
  itemsReadPerOp: number;
  itemsReturnedPerOp: number;
  capacityPerOp: number;
  commands: Record<string, number>;
  medianMs: number;
  p95Ms: number;
  opsPerSec: number;
  /** Filled in by `addRatios`: this contender's median / raw's, and ops/s / raw's. */
  medianVsRaw?: number;
  opsVsRaw?: number;
  error?: string;
}

interface Accumulator {
  samples: number[];
  counts: MeterCounts;
  returned: number;
  error?: string;
}

function merge(into: MeterCounts, from: MeterCounts): void {
  into.requests += from.requests;
  into.itemsRead += from.itemsRead;
  into.capacityUnits += from.capacityUnits;
  for (const [command, n] of Object.entries(from.byCommand)) into.byCommand[command] = (into.byCommand[command] ?? 0) + n;
}

/** The contenders in a different order each round, so drift (GC, JIT, the machine) hits all alike. */
function rotation<T>(list: T[], round: number): T[] {
  const shift = round % list.length;
  const rotated = [...list.slice(shift), ...list.slice(0, shift)];
  return round % 2 ? rotated.reverse() : rotated;
}

/**
 * Runs one scenario for every contender that supports it: warm-up, then rounds in which each
 * contender runs `perRound` sequential operations, alternating contenders between rounds.
 */
export async function runScenario(
  scenario: ScenarioId,
  contenders: Array<{ contender: Contender; meter: Meter }>,
  schedule: Schedule,
): Promise<ScenarioResult[]> {
  const active = contenders.filter(({ contender }) => contender.ops[scenario]);
  const state = new Map<ContenderName, Accumulator>();
  let iteration = 0;
  for (const { contender, meter } of active) {
    const acc: Accumulator = { samples: [], counts: Meter.empty(), returned: 0 };
    state.set(contender.name, acc);
    try {
      await contender.prepare?.[scenario]?.();
      for (let i = 0; i < schedule.warmup; i++) await contender.ops[scenario]!(iteration++);
    } catch (error) {
      acc.error = (error as Error).message;
    }
    meter.take();
  }
  for (let round = 0; round < schedule.rounds; round++) {
    for (const { contender, meter } of rotation(active, round)) {
      const acc = state.get(contender.name)!;
      if (acc.error) continue;
      const op = contender.ops[scenario]!;
      meter.take();
      try {
        for (let i = 0; i < schedule.perRound; i++) {
          const start = performance.now();
          acc.returned += await op(iteration++);
          acc.samples.push(performance.now() - start);
        }
      } catch (error) {
        acc.error = (error as Error).message;
      }
      merge(acc.counts, meter.take());
    }
  }
  return contenders.map(({ contender }) => toResult(scenario, contender.name, state.get(contender.name)));
}

function toResult(scenario: ScenarioId, contender: ContenderName, acc: Accumulator | undefined): ScenarioResult {
  const operations = acc?.samples.length ?? 0;
  const per = (n: number) => (operations ? n / operations : 0);
  const { median, p95 } = summarize(acc?.samples ?? []);
  const total = (acc?.samples ?? []).reduce((sum, value) => sum + value, 0);
  return {
    scenario,
    contender,
    supported: acc !== undefined,
    operations,
    requestsPerOp: per(acc?.counts.requests ?? 0),
    itemsReadPerOp: per(acc?.counts.itemsRead ?? 0),
    itemsReturnedPerOp: per(acc?.returned ?? 0),
    capacityPerOp: per(acc?.counts.capacityUnits ?? 0),
    commands: Object.fromEntries(Object.entries(acc?.counts.byCommand ?? {}).map(([command, n]) => [command, per(n)])),
    medianMs: median,
    p95Ms: p95,
    opsPerSec: total ? (operations * 1000) / total : 0,
    ...(acc?.error && { error: acc.error }),
  };
}

/** Adds the ratios to raw of each scenario's results. */
export function addRatios(results: ScenarioResult[]): void {
  for (const result of results) {
    const raw = results.find((r) => r.scenario === result.scenario && r.contender === "raw");
    if (!raw || !result.supported || result.error || !raw.operations) continue;
    result.medianVsRaw = result.medianMs / raw.medianMs;
    result.opsVsRaw = result.opsPerSec / raw.opsPerSec;
  }
}
