/**
 * One contender, one scenario, CPU-only (in-memory handler), in a loop long enough for a CPU profile.
 * Run by `scripts/profile.mjs` under `node --cpu-prof`; the profile covers set-up too, which
 * `summarize-profile` leaves out by keeping only the samples taken after the "measure" mark.
 *
 *   node --cpu-prof dist/bench/bench/profile/profile-scenario.js <scenario> <contender> <milliseconds>
 */
import { createDynamiteContender } from "../contenders/dynamite.js";
import { createDynamooseContender } from "../contenders/dynamoose.js";
import { createElectroContender } from "../contenders/electrodb.js";
import { createRawContender } from "../contenders/raw.js";
import type { ContenderFactory, ContenderName, ScenarioId } from "../types.js";
import { createCpuEnv, runScript } from "./cpu-env.js";

const FACTORIES: Record<ContenderName, ContenderFactory> = {
  raw: createRawContender,
  "nestjs-dynamite": createDynamiteContender,
  dynamoose: createDynamooseContender,
  electrodb: createElectroContender,
};

async function main(): Promise<void> {
  const [scenario, name = "nestjs-dynamite", ms = "3000"] = process.argv.slice(2) as [ScenarioId, ContenderName, string];
  const { env, raw } = await createCpuEnv();
  const contender = name === "raw" ? raw : await FACTORIES[name](env);
  const op = contender.ops[scenario];
  if (!op) throw new Error(`${name} has no scenario ${scenario}`);
  await contender.prepare?.[scenario]?.();
  let iteration = 0;
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) await op(iteration++);
  // The mark summarize-profile cuts at: samples before this call are set-up and warm-up.
  // (process.hrtime and V8's profile clock are both CLOCK_MONOTONIC on Linux, in µs here.)
  console.log(`measure-start ${process.hrtime.bigint() / 1000n}`);
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < Number(ms)) {
    await op(iteration++);
    ops++;
  }
  const elapsed = performance.now() - start;
  console.log(`${name} ${scenario}: ${ops} ops in ${elapsed.toFixed(0)} ms = ${((ops * 1000) / elapsed).toFixed(1)} ops/s`);
  await contender.close();
  if (contender !== raw) await raw.close();
}

runScript(main);
