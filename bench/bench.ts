import { randomUUID } from "node:crypto";
import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { startDynamoLocal } from "../lib/testing/index.js";
import type { BenchConfig } from "./config.js";
import { createDynamiteContender, syncBenchTables } from "./contenders/dynamite.js";
import { createDynamooseContender } from "./contenders/dynamoose.js";
import { createElectroContender } from "./contenders/electrodb.js";
import { createRawContender } from "./contenders/raw.js";
import { buildDataset, seed } from "./data.js";
import { measureHeapGrowth, type HeapResult } from "./heap-check.js";
import { MemoryRequestHandler } from "./memory/memory-handler.js";
import { Meter } from "./metrics.js";
import { runHttpScenario } from "./nest/http-bench.js";
import { addRatios, runScenario, type ScenarioResult } from "./runner.js";
import { SCENARIOS, type BenchEnv, type Contender, type ContenderFactory, type ScenarioId } from "./types.js";

export type Mode = "e2e" | "cpu";

export interface BenchOptions {
  config: BenchConfig;
  modes: Mode[];
  scenarios?: ScenarioId[];
  /** Include the Nest HTTP scenario (default true). */
  http?: boolean;
  /** Run the heap-growth check in CPU-only mode (default true). */
  heap?: boolean;
  /** Use this DynamoDB Local instead of starting one. */
  endpoint?: string;
  log?: (line: string) => void;
}

export interface ModeReport {
  mode: Mode;
  seededItems: number;
  results: ScenarioResult[];
  heap?: HeapResult[];
}

export interface BenchReport {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  quick: boolean;
  modes: ModeReport[];
}

/** Raw first: it is the reference every ratio is taken against. */
const FACTORIES: ContenderFactory[] = [
  createRawContender,
  createDynamiteContender,
  createDynamooseContender,
  createElectroContender,
];

function credentials() {
  // DynamoDB Local keeps one database per access key: a fresh key gives the run empty tables.
  return { accessKeyId: `bench${randomUUID().replaceAll("-", "").slice(0, 16)}`, secretAccessKey: "bench" };
}

async function runMode(mode: Mode, clientConfig: DynamoDBClientConfig, options: BenchOptions): Promise<ModeReport> {
  const log = options.log ?? (() => {});
  const { config } = options;
  const env: BenchEnv = { clientConfig, data: buildDataset(config.users, config.events), runTag: randomUUID().slice(0, 8) };
  await syncBenchTables(env);
  const contenders: Array<{ contender: Contender; meter: Meter }> = [];
  for (const factory of FACTORIES) {
    const contender = await factory(env);
    contenders.push({ contender, meter: new Meter(contender.client) });
  }
  const started = Date.now();
  const seededItems = await seed(contenders[0].contender.client, env.data);
  log(`[${mode}] seeded ${seededItems} items in ${Date.now() - started} ms`);
  const results: ScenarioResult[] = [];
  let heap: HeapResult[] | undefined;
  try {
    for (const { id } of SCENARIOS) {
      if (options.scenarios && !options.scenarios.includes(id)) continue;
      const scenarioStart = Date.now();
      results.push(...(await runScenario(id, contenders, config.schedules[mode][id])));
      log(`[${mode}] ${id} done in ${Date.now() - scenarioStart} ms`);
    }
    if (mode === "cpu" && options.heap !== false) {
      heap = [];
      for (const name of ["nestjs-dynamite", "raw"]) {
        const entry = contenders.find(({ contender }) => contender.name === name)!;
        heap.push(await measureHeapGrowth(entry.contender, config.heapOps));
        log(`[${mode}] heap check of ${name} done`);
      }
    }
  } finally {
    for (const { contender } of contenders) await contender.close();
  }
  if (options.http !== false) {
    const httpStart = Date.now();
    results.push(...(await runHttpScenario(clientConfig, config.http)));
    log(`[${mode}] http-checkout done in ${Date.now() - httpStart} ms`);
  }
  addRatios(results);
  return { mode, seededItems, results, heap };
}

/** Runs the requested modes: end to end on DynamoDB Local (started here unless given) and CPU-only in memory. */
export async function runBench(options: BenchOptions, quick = false): Promise<BenchReport> {
  const os = await import("node:os");
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    quick,
    modes: [],
  };
  for (const mode of options.modes) {
    if (mode === "cpu") {
      const clientConfig = {
        region: "us-east-1",
        endpoint: "http://in-memory.invalid",
        credentials: credentials(),
        requestHandler: new MemoryRequestHandler(),
      };
      report.modes.push(await runMode("cpu", clientConfig, options));
      continue;
    }
    const local = options.endpoint ? undefined : await startDynamoLocal();
    try {
      const endpoint = options.endpoint ?? local!.endpoint;
      report.modes.push(await runMode("e2e", { region: "us-east-1", endpoint, credentials: credentials() }, options));
    } finally {
      await local?.stop();
    }
  }
  return report;
}
