/**
 * Top self-time functions of a V8 `.cpuprofile`, grouped by function and file, with each group's share
 * of the measured window (samples after `fromUs`, a monotonic time in µs as printed by
 * profile-scenario, when given).
 *
 *   node dist/bench/bench/profile/summarize-profile.js <file.cpuprofile> [fromUs] [top]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: ours, the AWS SDK, another package, or Node/V8. */
export function origin(url: string): string {
  if (!url) return "v8";
  if (url.includes("/node_modules/@aws-sdk/") || url.includes("/node_modules/@smithy/")) return "sdk";
  if (url.includes("/node_modules/")) return "dep";
  if (url.includes("/dist/bench/lib/")) return "ours";
  if (url.includes("/dist/bench/bench/")) return "bench";
  return "node";
}

export function summarize(profile: CpuProfile, fromUs?: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let time = profile.startTime; // µs
  let total = 0;
  const from = fromUs ?? -Infinity;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i];
    if (time < from) return;
    const delta = profile.timeDeltas[i];
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
  });
  const groups = new Map<string, { name: string; origin: string; us: number }>();
  const origins = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`;
    const group = groups.get(key) ?? { name: key, origin: origin(url), us: 0 };
    group.us += us;
    groups.set(key, group);
    origins.set(group.origin, (origins.get(group.origin) ?? 0) + us);
  }
  // inclusive time of our functions: a node's own samples plus its subtree's, counted once per function and path
  const inclusive = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (origin(url) !== "ours") continue;
      const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  return {
    total,
    groups: [...groups.values()].sort((a, b) => b.us - a.us),
    origins,
    inclusive: [...inclusive].sort((a, b) => b[1] - a[1]),
  };
}

function main(): void {
  const [file, fromArg, topArg] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const { total, groups, origins, inclusive } = summarize(profile, fromArg ? Number(fromArg) : undefined);
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
  console.log(
    `window ${(total / 1000).toFixed(0)} ms; by origin: ${[...origins]
      .sort((a, b) => b[1] - a[1])
      .map(([o, us]) => `${o} ${pct(us)}`)
      .join(", ")}`,
  );
  const top = Number(topArg ?? 25);
  for (const group of groups.slice(0, top)) console.log(`${pct(group.us).padStart(6)}  ${group.origin.padEnd(5)} ${group.name}`);
  console.log("-- ours:");
  for (const group of groups.filter((g) => g.origin === "ours").slice(0, top))
    console.log(`${pct(group.us).padStart(6)}  ${group.name}`);
  if (process.env.INCLUSIVE) {
    console.log("-- ours, inclusive:");
    for (const [name, us] of inclusive.slice(0, top)) console.log(`${pct(us).padStart(6)}  ${name}`);
  }
}

if (process.argv[1]?.endsWith("summarize-profile.js")) main();
