import type { BenchReport, ModeReport } from "./bench.js";
import type { ScenarioResult } from "./runner.js";
import { evaluateTargets } from "./targets.js";
import { SCENARIOS } from "./types.js";

const CONTENDERS = ["raw", "nestjs-dynamite", "dynamoose", "electrodb"] as const;
const TITLES: Record<string, string> = Object.fromEntries([
  ...SCENARIOS.map((s) => [s.id, s.title]),
  ["http-checkout", "Nest HTTP: user + 2 orders in a transaction"],
]);

function num(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return "n/a";
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(digits).replace(/\.?0+$/, "") || "0";
}

function ratio(n: number | undefined): string {
  return n === undefined ? "" : `${n.toFixed(2)}x`;
}

function row(result: ScenarioResult | undefined, scenario: string, contender: string): string[] {
  const title = TITLES[scenario] ?? scenario;
  if (!result || !result.supported) return [title, contender, "n/a", "", "", "", "", "", "", ""];
  if (result.error) return [title, contender, `error: ${result.error.slice(0, 60)}`, "", "", "", "", "", "", ""];
  return [
    title,
    contender,
    num(result.requestsPerOp),
    num(result.itemsReadPerOp),
    num(result.itemsReturnedPerOp),
    num(result.medianMs, 3),
    num(result.p95Ms, 3),
    num(result.opsPerSec, 1),
    ratio(result.medianVsRaw),
    ratio(result.opsVsRaw),
  ];
}

/** A markdown table of one mode: scenario × contender. */
export function modeTable(mode: ModeReport): string {
  const header = [
    "scenario",
    "contender",
    "requests/op",
    "items read/op",
    "items returned/op",
    "median ms",
    "p95 ms",
    "ops/s",
    "median vs raw",
    "ops/s vs raw",
  ];
  const lines = [header, header.map(() => "---")];
  const scenarios = [...new Set(mode.results.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    for (const contender of CONTENDERS) {
      if (scenario === "http-checkout" && (contender === "dynamoose" || contender === "electrodb")) continue;
      lines.push(
        row(
          mode.results.find((r) => r.scenario === scenario && r.contender === contender),
          scenario,
          contender,
        ),
      );
    }
  }
  return lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** The whole report as markdown: both modes, heap check, targets with pass/miss. */
export function renderReport(report: BenchReport, command: string): string {
  const out: string[] = [
    `Date: ${report.date.slice(0, 10)} · machine: ${report.cpus} cores (${report.cpuModel}), Node ${report.node} · command: \`${command}\``,
    "",
  ];
  for (const mode of report.modes) {
    out.push(
      `### ${mode.mode === "e2e" ? "End to end (DynamoDB Local on loopback)" : "CPU-only (in-process request handler, no network)"}`,
      "",
    );
    out.push(modeTable(mode), "");
    if (mode.results.some((r) => r.scenario === "http-checkout"))
      out.push("HTTP rows: median = autocannon p50, p95 column = autocannon p97.5 (it has no p95); ops/s = requests/s.", "");
    for (const heap of mode.heap ?? []) {
      out.push(
        `Heap ${heap.contender}: ${heap.heapBeforeMB.toFixed(1)} MB → ${heap.heapAfterMB.toFixed(1)} MB after ${heap.operations.toLocaleString("en-US")} operations (${heap.scenarios.join("/")}): growth ${heap.growthMB.toFixed(1)} MB${heap.gcExposed ? "" : " (no --expose-gc: noisy)"}`,
      );
    }
    if (mode.heap?.length) out.push("");
  }
  out.push("### Targets", "", "| target | measured | result |", "| --- | --- | --- |");
  for (const t of evaluateTargets(report))
    out.push(`| ${t.target} | ${t.measured} | ${t.pass === "n/a" ? "n/a" : t.pass ? "pass" : "**miss**"} |`);
  return out.join("\n");
}
