/**
 * A development aid next to the profiles: raw and nestjs-dynamite run one CPU-only scenario in
 * alternating blocks, and each gets the process CPU time (`process.cpuUsage`) its blocks used, so
 * the ratio is about as steady on a busy machine as on a quiet one. The bench's numbers (wall time)
 * are the ones reported.
 *
 *   node dist/bench/bench/profile/cpu-ratio.js <scenario,...> [rounds]
 */
import { createDynamiteContender } from "../contenders/dynamite.js";
import type { Contender, ScenarioId } from "../types.js";
import { createCpuEnv, runScript } from "./cpu-env.js";

const BLOCK_MS = 150;

async function block(contender: Contender, scenario: ScenarioId, from: number): Promise<{ ops: number; cpu: number }> {
  const op = contender.ops[scenario]!;
  const cpuStart = process.cpuUsage();
  const until = performance.now() + BLOCK_MS;
  let ops = 0;
  while (performance.now() < until) await op(from + ops++);
  const used = process.cpuUsage(cpuStart);
  return { ops, cpu: (used.user + used.system) / 1e6 };
}

async function main(): Promise<void> {
  const [list = "get", roundsArg = "20"] = process.argv.slice(2);
  const { env, raw } = await createCpuEnv();
  const ours = await createDynamiteContender(env);
  let iteration = 0;
  for (const scenario of list.split(",") as ScenarioId[]) {
    await raw.prepare?.[scenario]?.();
    await ours.prepare?.[scenario]?.();
    const totals = { raw: { ops: 0, cpu: 0 }, ours: { ops: 0, cpu: 0 } };
    for (let round = -2; round < Number(roundsArg); round++) {
      const order =
        round % 2
          ? ([
              ["raw", raw],
              ["ours", ours],
            ] as const)
          : ([
              ["ours", ours],
              ["raw", raw],
            ] as const);
      for (const [name, contender] of order) {
        const result = await block(contender, scenario, iteration);
        iteration += result.ops;
        if (round < 0) continue; // warm-up
        totals[name].ops += result.ops;
        totals[name].cpu += result.cpu;
      }
    }
    const rate = (t: { ops: number; cpu: number }) => t.ops / t.cpu;
    console.log(
      `${scenario.padEnd(12)} raw ${rate(totals.raw).toFixed(0).padStart(6)} ops/cpu-s, ours ${rate(totals.ours).toFixed(0).padStart(6)}: ${(rate(totals.ours) / rate(totals.raw)).toFixed(2)}x`,
    );
  }
  await ours.close();
  await raw.close();
}

runScript(main);
