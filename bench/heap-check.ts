import type { Contender, ScenarioId } from "./types.js";

/** Heap growth of one contender over many operations, after a warm-up, with forced GCs. */
export interface HeapResult {
  contender: string;
  operations: number;
  scenarios: ScenarioId[];
  heapBeforeMB: number;
  heapAfterMB: number;
  growthMB: number;
  /** False when node was started without --expose-gc (the numbers are then noisy). */
  gcExposed: boolean;
}

const MIX: ScenarioId[] = ["get", "update", "query-gsi", "paginate"];

async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Runs `operations` reads and updates (no inserts, so the in-memory database does not grow)
 * and reports how much the heap grew: a leak shows up as growth proportional to operations.
 */
export async function measureHeapGrowth(contender: Contender, operations: number): Promise<HeapResult> {
  const ops = MIX.filter((id) => contender.ops[id]);
  const run = async (count: number, offset: number) => {
    for (let i = 0; i < count; i++) await contender.ops[ops[i % ops.length]]!(offset + i);
  };
  await run(Math.min(5_000, Math.ceil(operations / 5)), 0);
  const before = await settledHeap();
  await run(operations, 5_000);
  const after = await settledHeap();
  return {
    contender: contender.name,
    operations,
    scenarios: ops,
    heapBeforeMB: before,
    heapAfterMB: after,
    growthMB: after - before,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}
