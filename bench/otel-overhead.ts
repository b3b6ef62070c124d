import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { runOperation } from "../lib/core/telemetry/operation-scope.js";
import { overrideTracingApi } from "../lib/core/telemetry/otel-api.js";
import type { BenchConfig } from "./config.js";
import { createDynamiteContender, syncBenchTables } from "./contenders/dynamite.js";
import { createRawContender } from "./contenders/raw.js";
import { buildDataset, seed } from "./data.js";
import { MemoryRequestHandler } from "./memory/memory-handler.js";
import { SCENARIOS, type BenchEnv, type ScenarioId } from "./types.js";

/** How the tracing API is set up while a block of operations runs. */
const MODES = ["absent", "no-op", "recording"] as const;
type TracingMode = (typeof MODES)[number];

/** A provider that records every span (attributes included) and exports none: the cost of tracing itself. */
const recordingProvider = new BasicTracerProvider({ spanProcessors: [] });

function enter(mode: TracingMode): void {
  trace.disable();
  overrideTracingApi(mode === "absent" ? null : undefined);
  if (mode === "recording") trace.setGlobalTracerProvider(recordingProvider);
}

export interface OverheadRow {
  scenario: ScenarioId;
  operations: number;
  /** Operations per CPU second of nestjs-dynamite in each mode (the process's CPU time, not wall time). */
  opsPerSec: Record<TracingMode, number>;
}

/**
 * CPU-only (in-memory handler): nestjs-dynamite's ops/s with `@opentelemetry/api` absent, present
 * without a tracer provider (the no-op), and with a provider that records spans. The modes run in
 * the same process, alternating block by block in a rotating order, so drift hits all of them alike.
 * `rounds` blocks of about a sixth of the scenario's CPU-only round each, per mode. Time is the
 * process's CPU time (`process.cpuUsage`): everything runs in this process, and on a shared machine
 * wall time mostly measures the other processes.
 */
export async function measureTracingOverhead(
  config: BenchConfig,
  rounds: number,
  scenarios: ScenarioId[] | undefined,
  log: (line: string) => void,
): Promise<OverheadRow[]> {
  const clientConfig = {
    region: "us-east-1",
    endpoint: "http://in-memory.invalid",
    credentials: { accessKeyId: `otel${randomUUID().slice(0, 8)}`, secretAccessKey: "bench" },
    requestHandler: new MemoryRequestHandler(),
  };
  const env: BenchEnv = { clientConfig, data: buildDataset(config.users, config.events), runTag: randomUUID().slice(0, 8) };
  await syncBenchTables(env);
  const raw = await createRawContender(env);
  await seed(raw.client, env.data);
  await raw.close();
  const dynamite = await createDynamiteContender(env);
  const rows: OverheadRow[] = [];
  let iteration = 0;
  try {
    for (const { id } of SCENARIOS) {
      if ((scenarios && !scenarios.includes(id)) || id === "create-many") continue;
      const op = dynamite.ops[id]!;
      const schedule = config.schedules.cpu[id];
      // small blocks, many rounds: on a busy machine, drift then hits every mode alike
      const block = Math.max(1, Math.round(schedule.perRound / 6));
      await dynamite.prepare?.[id]?.();
      const time: Record<TracingMode, number> = { absent: 0, "no-op": 0, recording: 0 };
      for (const mode of MODES) {
        enter(mode);
        for (let i = 0; i < schedule.warmup; i++) await op(iteration++);
      }
      for (let round = 0; round < rounds; round++) {
        const order = MODES.map((_, i) => MODES[(i + round) % MODES.length]);
        for (const mode of round % 2 ? order.reverse() : order) {
          enter(mode);
          // each block starts with a clean heap, so a collection is paid by the block that made the garbage
          globalThis.gc?.();
          const start = process.cpuUsage();
          for (let i = 0; i < block; i++) await op(iteration++);
          const used = process.cpuUsage(start);
          time[mode] += (used.user + used.system) / 1000;
        }
      }
      const operations = rounds * block;
      const opsPerSec = Object.fromEntries(MODES.map((mode) => [mode, (operations / time[mode]) * 1000])) as Record<
        TracingMode,
        number
      >;
      rows.push({ scenario: id, operations, opsPerSec });
      log(`[otel] ${id}: ${MODES.map((mode) => `${mode} ${opsPerSec[mode].toFixed(0)} ops/CPU-s`).join(", ")}`);
    }
  } finally {
    enter("no-op");
    await dynamite.close();
  }
  return rows;
}

/** Markdown table: ops/s per mode and the ratios to "absent". */
export function renderOverhead(rows: OverheadRow[], command: string): string {
  const lines = [
    `CPU-only tracing overhead of nestjs-dynamite (\`${command}\`, ${new Date().toISOString()}, Node ${process.version})`,
    "",
    "| scenario | ops | absent ops/CPU-s | no-op ops/CPU-s | recording ops/CPU-s | no-op / absent | recording / absent |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { scenario, operations, opsPerSec } of rows) {
    const ratio = (mode: TracingMode) => (opsPerSec[mode] / opsPerSec.absent).toFixed(3);
    lines.push(
      `| ${scenario} | ${operations} | ${opsPerSec.absent.toFixed(0)} | ${opsPerSec["no-op"].toFixed(0)} | ` +
        `${opsPerSec.recording.toFixed(0)} | ${ratio("no-op")} | ${ratio("recording")} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The cost the tracing hook adds to one operation, without the operation: `runOperation` around a
 * function that does nothing, in CPU nanoseconds, API absent vs no-op (blocks alternating). Unlike
 * ops/s, this barely moves with the load of the machine.
 */
export function measureOperationHookCost(rounds = 30, calls = 200_000): Record<"absent" | "no-op", number> {
  class Probe {}
  const nothing = () => undefined;
  const cpu = { absent: 0, "no-op": 0 };
  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 ? (["absent", "no-op"] as const) : (["no-op", "absent"] as const)) {
      enter(mode);
      const start = process.cpuUsage();
      for (let i = 0; i < calls; i++) runOperation("first", Probe, "rows", nothing);
      const used = process.cpuUsage(start);
      cpu[mode] += used.user + used.system;
    }
  }
  enter("no-op");
  const ns = (micros: number) => (micros * 1000) / (rounds * calls);
  return { absent: ns(cpu.absent), "no-op": ns(cpu["no-op"]) };
}
