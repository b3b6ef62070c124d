import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The sample started by `scripts/start-sample.mjs` as a separate process, with its output and exit. */
export interface SampleProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves to the exit code and the time (Date.now()) the process exited. */
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    at: number;
  }>;
}

function capture(child: ChildProcess): () => string {
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return () => output;
}

/** Compiles the sample into dist/sample-app (what `npm start` runs); throws with tsc's output when it fails. */
export async function buildSample(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const child = spawn(process.execPath, [tsc, "-p", "tsconfig.sample.json"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = capture(child);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`tsc -p tsconfig.sample.json exited with ${code}:\n${output()}`);
}

/** `npm start --no-build` without npm in between, so SIGTERM reaches the script itself. */
export function startSampleProcess(env: NodeJS.ProcessEnv): SampleProcess {
  const child = spawn(process.execPath, ["scripts/start-sample.mjs", "--no-build"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = capture(child);
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    at: number;
  }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  return { child, output, exited };
}

/** Waits until the process prints `pattern`; fails early with its output if it exits first. */
export async function waitForOutput(started: SampleProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${pattern} in the output of start-sample.mjs:\n${started.output()}`);
}

function parentOf(pid: string): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root` (children, grandchildren…), read from /proc. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** True while `pid` exists (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
