#!/usr/bin/env node
// Runs the test programs of the original Dynamite (@arcaelas/dynamite) against this package.
//
// The programs are read from a local git checkout of arcaelas/dynamite (COMPAT_SOURCE: a git dir or
// work tree), copied OUTSIDE this repository (COMPAT_OUT, default /tmp/dynamite-compat), with only their
// import specifiers changed to our built core entry and their endpoint pointed at a DynamoDB Local
// started here. Nothing of theirs is committed to this repository.
//
//   npm run build && COMPAT_SOURCE=/path/to/dynamite.git node scripts/compat-harness.mjs [program...]
//
// Prints one line per assert (OK / FAIL / CRASH) and a summary: passed, failed, and the failing labels.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.env.COMPAT_SOURCE;
if (!source) throw new Error("set COMPAT_SOURCE to a git checkout (or git dir) of arcaelas/dynamite");
const out = resolve(process.env.COMPAT_OUT ?? "/tmp/dynamite-compat");
const ref = process.env.COMPAT_REF ?? "HEAD";
const ALL = ["basic", "transactions", "relations", "filters", "bulk", "query_scan", "contracts", "hooks"];
const programs = process.argv.slice(2).length ? process.argv.slice(2) : ALL;

const coreEntry = join(root, "dist/lib/core/index.js");
const ENDPOINT_LITERAL = /(["'])http:\/\/localhost:8000\1/g;

/** The one change to their source: import specifiers, and the endpoint literal. */
function rewrite(text) {
  return text
    .replace(/from\s+(["'])\.\.\/(index|core\/client)\1/g, `from "${coreEntry}"`)
    .replace(/from\s+(["'])\.\/([\w-]+)\1/g, 'from "./$2.js"')
    .replace(ENDPOINT_LITERAL, "process.env.COMPAT_ENDPOINT!");
}

function gitShow(path) {
  const gitArgs = source.endsWith(".git") || source.endsWith("/repo") ? ["--git-dir", source] : ["-C", source];
  return execFileSync("git", [...gitArgs, "show", `${ref}:${path}`], { encoding: "utf8" });
}

mkdirSync(join(out, "src"), { recursive: true });
for (const name of ALL) writeFileSync(join(out, "src", `${name}.ts`), rewrite(gitShow(`src/test/${name}.ts`)));
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      skipLibCheck: true,
      noEmitOnError: false,
      strict: false,
      typeRoots: [join(root, "node_modules/@types")],
      types: ["node"],
      outDir: "build",
      rootDir: "src",
    },
    include: ["src"],
  }),
);
// their programs were typed against their own declarations: type errors are reported, not fatal
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", out], { encoding: "utf8" });
const typeErrors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
if (process.env.COMPAT_SHOW_TYPE_ERRORS) process.stdout.write(tsc.stdout);

const { startDynamoLocal } = await import(pathToFileURL(join(root, "dist/lib/testing/index.js")).href);
const local = await startDynamoLocal();
const results = [];
try {
  for (const name of programs) {
    const runner = join(out, "build", `run-${name}.mjs`);
    writeFileSync(
      runner,
      [
        `const program = (await import(${JSON.stringify(`./${name}.js`)})).default;`,
        `try { await program(); } catch (error) { console.log("  CRASH  " + (error?.stack ?? error)); }`,
        `process.exit(0);`,
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, [runner], {
      encoding: "utf8",
      env: { ...process.env, COMPAT_ENDPOINT: local.endpoint },
      timeout: 300_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    const lines = output.split("\n");
    const ok = lines.filter((l) => l.startsWith("  OK  ")).map((l) => l.slice(6));
    const fail = lines.filter((l) => l.startsWith("  FAIL  ")).map((l) => l.slice(8));
    const crash = run.status === 0 ? lines.filter((l) => l.startsWith("  CRASH  ")).map((l) => l.slice(9)) : [output.trim()];
    results.push({ name, ok, fail, crash });
    console.log(`== ${name}: ${ok.length} passed, ${fail.length} failed${crash.length ? ", crashed" : ""}`);
    for (const label of fail) console.log(`   FAIL ${label}`);
    for (const text of crash) console.log(`   CRASH ${text.split("\n").slice(0, 6).join("\n         ")}`);
  }
} finally {
  await local.stop();
}
const passed = results.reduce((n, r) => n + r.ok.length, 0);
const failed = results.reduce((n, r) => n + r.fail.length, 0);
console.log(
  `\nTOTAL: ${passed} passed, ${failed} failed (${passed + failed} asserts ran; ${typeErrors} type errors in their programs)`,
);
