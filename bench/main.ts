import { writeFile } from "node:fs/promises";
import { runBench, type Mode } from "./bench.js";
import { measureImports, renderColdStart, tarballSize } from "./cold-start.js";
import { FULL, QUICK } from "./config.js";
import { measureOperationHookCost, measureTracingOverhead, renderOverhead } from "./otel-overhead.js";
import { renderReport } from "./report.js";
import { evaluateTargets } from "./targets.js";
import { SCENARIOS, type ScenarioId } from "./types.js";

const USAGE = `npm run bench -- [--quick] [--json <file>] [--mode e2e|cpu|all] [--scenarios get,create,...] [--no-http] [--no-heap] [--endpoint <url>] [--import-time] [--import-rounds N] [--otel-overhead <rounds>]`;

function parseArgs(argv: string[]) {
  const options = {
    quick: false,
    json: undefined as string | undefined,
    modes: ["e2e", "cpu"] as Mode[],
    scenarios: undefined as ScenarioId[] | undefined,
    http: true,
    heap: true,
    endpoint: undefined as string | undefined,
    importOnly: false,
    importRounds: undefined as number | undefined,
    otelRounds: undefined as number | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === "--quick") options.quick = true;
    else if (arg === "--json") options.json = value();
    else if (arg === "--mode") options.modes = value() === "all" ? ["e2e", "cpu"] : [argv[i] as Mode];
    else if (arg === "--scenarios") options.scenarios = value().split(",") as ScenarioId[];
    else if (arg === "--no-http") options.http = false;
    else if (arg === "--no-heap") options.heap = false;
    else if (arg === "--endpoint") options.endpoint = value();
    else if (arg === "--import-time") options.importOnly = true;
    else if (arg === "--import-rounds") options.importRounds = Number(value());
    else if (arg === "--otel-overhead") options.otelRounds = Number(value());
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  const known = new Set<string>(SCENARIOS.map((s) => s.id));
  const unknown = options.scenarios?.filter((id) => !known.has(id));
  if (unknown?.length) throw new Error(`Unknown scenario(s) ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  return options;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (args.otelRounds !== undefined) {
    // only the tracing comparison (CPU-only): ops/s with the OpenTelemetry API absent, no-op, recording
    const rows = await measureTracingOverhead(args.quick ? QUICK : FULL, args.otelRounds, args.scenarios, (line) =>
      console.error(line),
    );
    console.log(renderOverhead(rows, `npm run bench -- ${process.argv.slice(2).join(" ")}`));
    const hook = measureOperationHookCost();
    console.log(
      `\nPer operation, the tracing hook alone: ${hook.absent.toFixed(0)} ns (API absent), ${hook["no-op"].toFixed(0)} ns (no-op).`,
    );
    if (args.json) await writeFile(args.json, JSON.stringify(rows, null, 2));
    return;
  }
  if (args.importOnly) {
    console.log(coldStart(args.importRounds ?? 15));
    return;
  }
  const report = await runBench(
    {
      config: args.quick ? QUICK : FULL,
      modes: args.modes,
      scenarios: args.scenarios,
      http: args.http,
      heap: args.heap,
      endpoint: args.endpoint,
      log: (line) => console.error(line),
    },
    args.quick,
  );
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(renderReport(report, command));
  console.log(coldStart(args.importRounds ?? (args.quick ? 3 : 15)));
  console.error(`bench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (args.json) {
    await writeFile(args.json, JSON.stringify({ ...report, command, targets: evaluateTargets(report) }, null, 2));
    console.error(`wrote ${args.json}`);
  }
}

/** Import time of each entry in fresh processes (needs `dist/lib`, built by `npm run bench`), plus the tarball size. */
function coldStart(rounds: number): string {
  console.error(`import time: ${rounds} fresh processes per import, alternating order`);
  const root = process.cwd();
  const report = { results: measureImports(root, rounds), tarball: tarballSize(root) };
  return `## Cold start: import time (median of ${rounds} fresh processes)\n\n${renderColdStart(report)}`;
}

main().then(
  () => process.exit(0), // the SDK's and Nest's keep-alive sockets must not keep the run open
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
