import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One line a consumer process printed for a change. */
export interface SeenChange {
  seq: string;
  sku: string;
  type: "insert" | "modify" | "remove";
  stock: number | null;
  softDeleted: boolean;
  restored: boolean;
  hydrated: boolean;
}

/** A consumer process: its changes so far, and its exit. */
export interface ConsumerProcess {
  child: ChildProcess;
  changes: SeenChange[];
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

const script = fileURLToPath(new URL("./consumer-main.mjs", import.meta.url));

/** Starts `consumer-process.mjs` against the run's DynamoDB Local, on the database of `accessKey`. */
export function startConsumer(endpoint: string, accessKey: string, slowMs = 0): ConsumerProcess {
  const child = spawn(process.execPath, ["--no-warnings", script], {
    env: { ...process.env, DYNAMITE_TEST_ENDPOINT: endpoint, ACCESS_KEY: accessKey, SLOW_MS: String(slowMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const changes: SeenChange[] = [];
  let pending = "";
  let errors = "";
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === "READY") markReady();
      else if (line) changes.push(JSON.parse(line) as SeenChange);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const failedEarly = exited.then(({ code }) => {
    throw new Error(`consumer process exited (${code}) before it was ready:\n${errors}`);
  });
  return { child, changes, ready: Promise.race([ready, failedEarly]), exited, stderr: () => errors };
}
