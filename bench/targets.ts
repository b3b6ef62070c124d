import type { BenchReport, ModeReport } from "./bench.js";
import type { ScenarioResult } from "./runner.js";
import type { ScenarioId } from "./types.js";

/** One target of issue 17 and whether this run met it. */
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

const SINGLE_REQUEST: ScenarioId[] = ["get", "query-gsi", "paginate", "update", "create", "transaction", "scan-filter"];
const ALL_SCENARIOS: ScenarioId[] = [...SINGLE_REQUEST, "include", "create-many"];

/** Evaluates every target of issue 17 against a report (nothing here changes a target). */
export function evaluateTargets(report: BenchReport): TargetCheck[] {
  const e2e = report.modes.find((m) => m.mode === "e2e");
  const cpu = report.modes.find((m) => m.mode === "cpu");
  const checks: TargetCheck[] = [];
  for (const scenario of SINGLE_REQUEST) {
    checks.push(
      check(
        `end-to-end median <= 1.05x raw (${scenario})`,
        find(e2e, scenario, "nestjs-dynamite")?.medianVsRaw,
        (v) => v <= 1.05,
      ),
    );
  }
  checks.push(
    check(
      "end-to-end include of 100 users <= 1.15x hand-written concurrent raw (median)",
      find(e2e, "include", "nestjs-dynamite")?.medianVsRaw,
      (v) => v <= 1.15,
    ),
  );
  for (const scenario of ALL_SCENARIOS) {
    checks.push(
      check(`CPU-only ops/s >= 0.90x raw (${scenario})`, find(cpu, scenario, "nestjs-dynamite")?.opsVsRaw, (v) => v >= 0.9),
    );
  }
  for (const scenario of ["get", "query-gsi", "include"] as ScenarioId[]) {
    const r = find(e2e, scenario, "nestjs-dynamite");
    const perItem = r && r.itemsReturnedPerOp ? r.itemsReadPerOp / r.itemsReturnedPerOp : undefined;
    checks.push(
      check(`items read per item returned = 1.0 (${scenario}, DynamoDB Local)`, perItem, (v) => Math.abs(v - 1) < 1e-9),
    );
  }
  const ours = find(e2e, "scan-filter", "nestjs-dynamite");
  const raw = find(e2e, "scan-filter", "raw");
  checks.push(
    check(
      "filtered Scan reads no more items than raw's Limit: 100 loop",
      ours && raw ? ours.itemsReadPerOp - raw.itemsReadPerOp : undefined,
      (v) => v <= 0,
      () => `${ours!.itemsReadPerOp.toFixed(0)} vs ${raw!.itemsReadPerOp.toFixed(0)}`,
    ),
  );
  checks.push(
    check(
      "filtered Scan needs no more round trips than raw's Limit: 100 loop",
      ours && raw ? ours.requestsPerOp - raw.requestsPerOp : undefined,
      (v) => v <= 0,
      () => `${ours!.requestsPerOp.toFixed(2)} vs ${raw!.requestsPerOp.toFixed(2)}`,
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
