#!/usr/bin/env node
// `npm run profile -- <scenario>[,<scenario>...] [contender] [ms]`: a `node --cpu-prof` run of each CPU-only
// scenario (bench/profile/profile-scenario.ts), then its top self-time functions. Profiles go to .cache/profiles/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [scenarios = "get", contender = "nestjs-dynamite", ms = "3000", top = "25"] = process.argv.slice(2);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.bench.json")], { stdio: "inherit", cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const dir = join(root, ".cache", "profiles");
mkdirSync(dir, { recursive: true });
const script = join(root, "dist", "bench", "bench", "profile", "profile-scenario.js");
const summarize = join(root, "dist", "bench", "bench", "profile", "summarize-profile.js");
for (const scenario of scenarios.split(",")) {
  const tmp = join(dir, `tmp-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const run = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${tmp}`, script, scenario, contender, ms], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(run.status ?? 1);
  }
  const mark = /measure-start (\d+)/.exec(run.stdout)?.[1];
  const file = join(dir, `${contender}-${scenario}.cpuprofile`);
  renameSync(join(tmp, readdirSync(tmp)[0]), file);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\n## ${contender} ${scenario}: ${run.stdout.split("\n").find((line) => line.includes("ops/s"))}\n(${file})`);
  spawnSync(process.execPath, [summarize, file, mark ?? "", top], { stdio: "inherit", cwd: root });
}
