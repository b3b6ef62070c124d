#!/usr/bin/env node
// `npm start`: builds the sample app, starts an embedded in-memory DynamoDB Local unless
// DYNAMODB_ENDPOINT is set, runs the app on PORT (default 3000), and on Ctrl-C / SIGTERM closes
// the app first and DynamoDB Local second, so no Java process is left behind. The same happens when
// the process that started this script ends (SIGTERM sent to `npm` alone kills npm and its shell but
// not this process), and startDynamoLocal()'s watchdog stops Java even if this process is SIGKILLed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist", "sample-app");

function build() {
  if (process.argv.includes("--no-build")) return;
  console.log("Building the sample (tsc -p tsconfig.sample.json)…");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.sample.json")], { stdio: "inherit", cwd: root });
  if (result.status !== 0) {
    console.error("The sample did not compile; see the errors above.");
    process.exit(result.status ?? 1);
  }
}

async function startDatabase() {
  if (process.env.DYNAMODB_ENDPOINT) {
    console.log(`DynamoDB: ${process.env.DYNAMODB_ENDPOINT} (from DYNAMODB_ENDPOINT)`);
    return undefined;
  }
  const { startDynamoLocal } = await import(pathToFileURL(join(outDir, "lib", "testing", "index.js")).href);
  const local = await startDynamoLocal();
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  console.log(`DynamoDB Local (in memory): ${local.endpoint} (java pid ${local.pid})`);
  return local;
}

/** Calls `onGone` once the process that started this one (npm's shell, under `npm start`) has exited. */
function watchParent(onGone) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
}

async function main() {
  build();
  const local = await startDatabase();
  let app;
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the app, then DynamoDB Local…`);
    try {
      await app?.close();
    } finally {
      await local?.stop();
      console.log("Stopped.");
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  watchParent(() => void shutdown("parent process exited"));
  try {
    const { startSampleApp, samplePort } = await import(pathToFileURL(join(outDir, "sample", "bootstrap.js")).href);
    app = await startSampleApp(samplePort());
  } catch (error) {
    console.error(error);
    await local?.stop();
    process.exit(1);
  }
  const url = `http://localhost:${app.getHttpServer().address().port}`;
  console.log(`Sample app: ${url}`);
  console.log(
    `  try: curl -X POST ${url}/users -H 'content-type: application/json' -d '{"email":"ada@example.com","name":"Ada"}'`,
  );
  console.log("  Ctrl-C stops the app and DynamoDB Local.");
  if (stopping) await shutdown("signal");
}

await main();
