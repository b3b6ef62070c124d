import { afterEach, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { findFreePort } from "../../lib/testing/index.js";
import { testEndpoint } from "../helpers/test-dynamite.js";

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` without npm in between (so the signal reaches the script itself). */
function startSample(env: NodeJS.ProcessEnv, args: string[] = []): Started {
  const child = spawn(process.execPath, ["scripts/start-sample.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${pattern} in the output of start-sample.mjs:\n${started.output()}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const baseEnv = (port: number): NodeJS.ProcessEnv => {
  const { DYNAMODB_ENDPOINT: _ignored, ...env } = process.env;
  return { ...env, PORT: String(port) };
};

describe("npm start (scripts/start-sample.mjs)", () => {
  let started: Started | undefined;
  afterEach(() => {
    if (started?.child.exitCode === null) started.child.kill("SIGKILL");
  });

  it("builds, starts DynamoDB Local and the app on PORT; SIGTERM stops both and leaves no Java process", async () => {
    const port = await findFreePort();
    started = startSample(baseEnv(port));
    const [, javaPid] = await waitFor(
      started,
      /DynamoDB Local \(in memory\): http:\/\/127\.0\.0\.1:\d+ \(java pid (\d+)\)/,
      150_000,
    );
    await waitFor(started, new RegExp(`Sample app: http://localhost:${port}`), 60_000);
    expect(isRunning(Number(javaPid))).toBe(true);

    const created = await fetch(`http://localhost:${port}/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "start@example.com", name: "Start" }),
    });
    expect(created.status).toBe(201);

    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain("Stopped.");
    expect(isRunning(Number(javaPid))).toBe(false);
  }, 240_000);

  it("SIGTERM sent to the npm process alone (npm start) stops the app and DynamoDB Local", async () => {
    const port = await findFreePort();
    const built = existsSync("dist/sample-app/sample/bootstrap.js");
    const npm = spawn("npm", ["start", "--silent", ...(built ? ["--", "--no-build"] : [])], {
      env: baseEnv(port),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout!.on("data", (chunk) => (output += chunk));
    npm.stderr!.on("data", (chunk) => (output += chunk));
    started = { child: npm, output: () => output, exited: new Promise((resolve) => npm.once("exit", resolve)) };
    const [, javaPid] = await waitFor(started, /\(java pid (\d+)\)/, 150_000);
    await waitFor(started, new RegExp(`Sample app: http://localhost:${port}`), 60_000);

    npm.kill("SIGTERM"); // npm dies and takes its shell along, but does not signal the script
    await started.exited;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (isRunning(Number(javaPid)) || !output.includes("Stopped."))) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain("parent process exited: closing the app, then DynamoDB Local");
    expect(isRunning(Number(javaPid))).toBe(false);
    await expect(fetch(`http://localhost:${port}/products?limit=1`)).rejects.toThrow();
  }, 240_000);

  it("with DYNAMODB_ENDPOINT set it uses that endpoint and starts no DynamoDB Local", async () => {
    const port = await findFreePort();
    // Skips the build the previous test made; a fresh access key keeps this database separate.
    const built = existsSync("dist/sample-app/sample/bootstrap.js");
    const env = {
      ...baseEnv(port),
      DYNAMODB_ENDPOINT: testEndpoint(),
      AWS_ACCESS_KEY_ID: `start${port}`,
      AWS_SECRET_ACCESS_KEY: "x",
    };
    started = startSample(env, built ? ["--no-build"] : []);
    await waitFor(started, new RegExp(`Sample app: http://localhost:${port}`), 150_000);
    expect(started.output()).toContain(`DynamoDB: ${testEndpoint()} (from DYNAMODB_ENDPOINT)`);
    expect(started.output()).not.toContain("DynamoDB Local (in memory)");

    const list = await fetch(`http://localhost:${port}/products?limit=5`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ items: [] });

    started.child.kill("SIGINT");
    expect(await started.exited).toBe(0);
  }, 240_000);

  it("with OTEL_TRACES_EXPORTER=console it prints a span per ORM operation and per DynamoDB request", async () => {
    const port = await findFreePort();
    const built = existsSync("dist/sample-app/sample/bootstrap.js");
    const env = {
      ...baseEnv(port),
      DYNAMODB_ENDPOINT: testEndpoint(),
      AWS_ACCESS_KEY_ID: `trace${port}`,
      AWS_SECRET_ACCESS_KEY: "x",
      OTEL_TRACES_EXPORTER: "console",
    };
    started = startSample(env, built ? ["--no-build"] : []);
    await waitFor(started, new RegExp(`Sample app: http://localhost:${port}`), 150_000);
    expect(started.output()).toContain("Tracing: spans go to the console");

    const created = await fetch(`http://localhost:${port}/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "trace@example.com", name: "Trace" }),
    });
    expect(created.status).toBe(201);
    await waitFor(started, /name: 'User\.create'/, 10_000);
    await waitFor(started, /name: 'PutItem users'/, 10_000);
    expect(started.output()).toContain("'db.system.name': 'aws.dynamodb'");

    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
  }, 240_000);
});
