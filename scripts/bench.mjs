#!/usr/bin/env node
// `npm run bench [-- args]`: builds the package (dist/lib), compiles lib + bench (tsconfig.bench.json → dist/bench) and runs the
// bench with --expose-gc (the heap-growth check forces collections). Arguments pass through.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// dist/lib (the package as published) is what the import-time scenario loads.
const lib = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", cwd: root });
if (lib.status !== 0) process.exit(lib.status ?? 1);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.bench.json")], { stdio: "inherit", cwd: root });
const main = join(root, "dist", "bench", "bench", "main.js");
if (build.status !== 0) {
  // tsc still emits on type errors (e.g. another file in progress); run if the bench was emitted.
  if (!existsSync(main)) process.exit(build.status ?? 1);
  console.error("bench: tsc reported errors (above); running the emitted JavaScript anyway");
}
const run = spawnSync(process.execPath, ["--expose-gc", main, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
});
process.exit(run.status ?? 1);
