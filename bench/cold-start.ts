import { execFileSync } from "node:child_process";

/** One module imported in a fresh Node process per sample. */
export interface ImportTarget {
  id: string;
  specifier: string;
}

/** What a cold Lambda or CLI start pays before the first line of app code runs. */
export const IMPORT_TARGETS: ImportTarget[] = [
  { id: "nestjs-dynamite/core", specifier: "nestjs-dynamite/core" },
  { id: "nestjs-dynamite (root, with NestJS)", specifier: "nestjs-dynamite" },
  { id: "raw @aws-sdk/lib-dynamodb", specifier: "@aws-sdk/lib-dynamodb" },
  { id: "dynamoose", specifier: "dynamoose" },
  { id: "electrodb", specifier: "electrodb" },
];

/** Issue 15: importing the core costs at most 15% more than importing the SDK it wraps. */
export const CORE_IMPORT_TARGET = 1.15;

export interface ImportResult {
  id: string;
  samples: number;
  medianMs: number;
  minMs: number;
  /** median / median of raw @aws-sdk/lib-dynamodb. */
  vsRaw?: number;
}

export interface ColdStartReport {
  results: ImportResult[];
  /** `npm pack` of this package: the compressed tarball and what it unpacks to. */
  tarball?: { bytes: number; unpackedBytes: number; files: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds from before `import()` to after it, measured inside a fresh `node` process. */
export function timeImport(specifier: string, cwd: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"], // the SDK's Node-version notice on stderr is not ours to print
  });
  return Number(out);
}

/**
 * `rounds` fresh processes per target; the order of the targets alternates every round (forward,
 * then reversed) so that a busy moment of the machine hits all of them alike.
 */
export function measureImports(cwd: string, rounds = 15, targets = IMPORT_TARGETS): ImportResult[] {
  const samples = new Map(targets.map((t) => [t.id, [] as number[]]));
  timeImport(targets[0].specifier, cwd); // warm the file system cache once
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...targets].reverse() : targets;
    for (const target of order) samples.get(target.id)!.push(timeImport(target.specifier, cwd));
  }
  const results = targets.map((t) => {
    const values = samples.get(t.id)!;
    return { id: t.id, samples: values.length, medianMs: median(values), minMs: Math.min(...values) };
  });
  const raw = results.find((r) => r.id.startsWith("raw "));
  return results.map((r) => (raw ? { ...r, vsRaw: r.medianMs / raw.medianMs } : r));
}

/** Size of what `npm pack` would publish (reads `npm pack --dry-run --json`). */
export function tarballSize(cwd: string): ColdStartReport["tarball"] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd, encoding: "utf8" });
  const [pack] = JSON.parse(out) as { size: number; unpackedSize: number; entryCount: number }[];
  return { bytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount };
}

/** Markdown for the report. */
export function renderColdStart(report: ColdStartReport): string {
  const lines = [
    "| import | median ms | min ms | vs raw lib-dynamodb | samples |",
    "| --- | --- | --- | --- | --- |",
    ...report.results.map(
      (r) =>
        `| ${r.id} | ${r.medianMs.toFixed(1)} | ${r.minMs.toFixed(1)} | ${r.vsRaw === undefined ? "" : `${r.vsRaw.toFixed(2)}x`} | ${r.samples} |`,
    ),
  ];
  const core = report.results.find((r) => r.id === "nestjs-dynamite/core");
  if (core?.vsRaw !== undefined) {
    const met = core.vsRaw <= CORE_IMPORT_TARGET ? "met" : "NOT met";
    lines.push(
      "",
      `Target \`nestjs-dynamite/core\` <= ${CORE_IMPORT_TARGET}x raw lib-dynamodb: ${core.vsRaw.toFixed(2)}x, ${met}.`,
    );
  }
  if (report.tarball) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    lines.push(
      "",
      `Tarball (\`npm pack\`): ${kb(report.tarball.bytes)} compressed, ${kb(report.tarball.unpackedBytes)} unpacked, ${report.tarball.files} files.`,
    );
  }
  return lines.join("\n");
}
