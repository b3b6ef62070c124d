import { describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { ConfigError } from "../../lib/core/errors/core-errors.js";
import { startDynamoLocal } from "../../lib/testing/index.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `probe` until it returns a value; fails with `describe()` after `timeoutMs`. */
async function waitUntil<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out: ${describe()}`);
}

describe("startDynamoLocal()", () => {
  it("starts an in-memory DynamoDB Local on a free loopback port that answers ListTables, and stop() leaves no process", async () => {
    const local = await startDynamoLocal();
    expect(local.endpoint).toBe(`http://127.0.0.1:${local.port}`);
    expect(local.port).not.toBe(8000);
    const client = new DynamoDBClient({
      endpoint: local.endpoint,
      region: "local",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual([]);
    client.destroy();
    expect(isAlive(local.pid)).toBe(true);
    await local.stop();
    expect(isAlive(local.pid)).toBe(false);
    await local.stop(); // safe twice
  });

  it("Java dies with the Node process that started it, even when that process is SIGKILLed (no cleanup runs)", async () => {
    const testing = pathToFileURL("dist/lib/testing/index.js").href;
    const owner = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { startDynamoLocal } = await import(${JSON.stringify(testing)});
         const local = await startDynamoLocal({ startTimeoutMs: 120000 });
         console.log("java " + local.pid);
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    owner.stdout!.on("data", (chunk) => (output += chunk));
    owner.stderr!.on("data", (chunk) => (output += chunk));
    const javaPid = await waitUntil(
      () => Number(/java (\d+)/.exec(output)?.[1]) || undefined,
      150_000,
      () => output,
    );
    expect(isAlive(javaPid)).toBe(true);
    owner.kill("SIGKILL");
    await waitUntil(
      () => !isAlive(javaPid) || undefined,
      20_000,
      () => `java ${javaPid} still running`,
    );
    expect(isAlive(javaPid)).toBe(false);
  }, 200_000);

  it("fails with a clear ConfigError when Java is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const error = await startDynamoLocal().catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/needs a Java 17\+ runtime.*apt-get install default-jre-headless/);
    } finally {
      process.env.PATH = path;
    }
  });
});
