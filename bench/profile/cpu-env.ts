import { randomUUID } from "node:crypto";
import { syncBenchTables } from "../contenders/dynamite.js";
import { createRawContender } from "../contenders/raw.js";
import { buildDataset, seed } from "../data.js";
import { MemoryRequestHandler } from "../memory/memory-handler.js";
import type { BenchEnv, Contender } from "../types.js";

/** The bench's data set in a fresh in-memory DynamoDB (CPU-only mode), seeded through the raw contender. */
export async function createCpuEnv(): Promise<{ env: BenchEnv; raw: Contender }> {
  const clientConfig = {
    region: "us-east-1",
    endpoint: "http://in-memory.invalid",
    credentials: { accessKeyId: `cpu${randomUUID().slice(0, 8)}`, secretAccessKey: "x" },
    requestHandler: new MemoryRequestHandler(),
  };
  const env: BenchEnv = { clientConfig, data: buildDataset(2_000, 10_000), runTag: randomUUID().slice(0, 8) };
  await syncBenchTables(env);
  const raw = await createRawContender(env);
  await seed(raw.client, env.data);
  return { env, raw };
}

/** Runs a profiling script's `main` and exits (the SDK's keep-alive sockets must not keep it open). */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
