import type { BenchReport, ModeReport } from "./bench.js";
import type { ScenarioResult } from "./runner.js";
import type { ScenarioId } from "./types.js";

/** One target of issue 8 and whether this run met it. */
export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean | "n/a";
}

const f2 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "n/a" : n.toFixed(2));

function find(mode: ModeReport | undefined, scenario: ScenarioResult["scenario"], contender: string): ScenarioResult | undefined {
  const result = mode?.results.find((r) => r.scenario === scenario && r.contender === contender);
  return result && result.supported && !result.error && result.operations ? result : undefined;
}

function check(
  target: string,
  value: number | undefined,
  ok: (value: number) => boolean,
  show: (value: number) => string = f2,
): TargetCheck {
  return value === undefined || !Number.isFinite(value)
    ? { target, measured: "not measured", pass: "n/a" }
    : { target, measured: show(value), pass: ok(value) };
}

/** Evaluates every target of the issue against a report (nothing here changes a target). */
export function evaluateTargets(report: BenchReport): TargetCheck[] {
  const e2e = report.modes.find((m) => m.mode === "e2e");
  const cpu = report.modes.find((m) => m.mode === "cpu");
  const checks: TargetCheck[] = [];
  for (const scenario of ["get", "query-gsi"] as ScenarioId[]) {
    const r = find(e2e, scenario, "nestjs-dynamite");
    const perItem = r && r.itemsReturnedPerOp ? r.itemsReadPerOp / r.itemsReturnedPerOp : undefined;
    checks.push(
      check(`items read per item returned = 1.0 (${scenario}, DynamoDB Local)`, perItem, (v) => Math.abs(v - 1) < 1e-9),
    );
  }
  for (const scenario of ["get", "create", "update", "query-gsi"] as ScenarioId[]) {
    checks.push(
      check(`CPU-only ops/s >= 0.85x raw (${scenario})`, find(cpu, scenario, "nestjs-dynamite")?.opsVsRaw, (v) => v >= 0.85),
    );
  }
  for (const scenario of ["get", "create", "update", "query-gsi", "scan-filter", "paginate", "transaction"] as ScenarioId[]) {
    checks.push(
      check(
        `end-to-end median latency <= 1.05x raw (${scenario})`,
        find(e2e, scenario, "nestjs-dynamite")?.medianVsRaw,
        (v) => v <= 1.05,
      ),
    );
  }
  checks.push(
    check(
      "include of 100 users <= 1.2x hand-written concurrent raw (median)",
      find(e2e, "include", "nestjs-dynamite")?.medianVsRaw,
      (v) => v <= 1.2,
    ),
  );
  checks.push(
    check(
      "createMany 1,000 >= 0.9x raw BatchWrite throughput",
      find(e2e, "create-many", "nestjs-dynamite")?.opsVsRaw,
      (v) => v >= 0.9,
    ),
  );
  checks.push(
    check(
      "@Transactional endpoint >= 0.9x raw endpoint throughput",
      find(e2e, "http-checkout", "nestjs-dynamite")?.opsVsRaw,
      (v) => v >= 0.9,
    ),
  );
  const heap = cpu?.heap?.find((h) => h.contender === "nestjs-dynamite");
  checks.push(
    check(
      `heap growth < 20 MB after ${heap?.operations ?? 100_000} operations`,
      heap?.growthMB,
      (v) => v < 20,
      (v) => `${v.toFixed(1)} MB`,
    ),
  );
  for (const competitor of ["dynamoose", "electrodb"]) checks.push(...fasterThan(e2e, cpu, competitor));
  return checks;
}

/** "Faster than X on every scenario X supports": lower median end to end, more ops/s CPU-only. */
function fasterThan(e2e: ModeReport | undefined, cpu: ModeReport | undefined, competitor: string): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [mode, label, better] of [
    [e2e, "end-to-end median", (ours: ScenarioResult, theirs: ScenarioResult) => ours.medianMs < theirs.medianMs],
    [cpu, "CPU-only ops/s", (ours: ScenarioResult, theirs: ScenarioResult) => ours.opsPerSec > theirs.opsPerSec],
  ] as const) {
    if (!mode) continue;
    const compared: string[] = [];
    const slower: string[] = [];
    for (const theirs of mode.results.filter((r) => r.contender === competitor)) {
      const ours = find(mode, theirs.scenario, "nestjs-dynamite");
      if (!ours || !find(mode, theirs.scenario, competitor)) continue;
      compared.push(theirs.scenario);
      if (!better(ours, theirs)) slower.push(theirs.scenario);
    }
    checks.push({
      target: `faster than ${competitor} (${label}, ${compared.length} scenarios)`,
      measured: slower.length ? `slower on: ${slower.join(", ")}` : compared.length ? "faster on all" : "nothing compared",
      pass: compared.length ? slower.length === 0 : "n/a",
    });
  }
  return checks;
}
