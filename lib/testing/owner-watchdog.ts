import { spawn, type ChildProcess } from "node:child_process";

// Runs in its own tiny Node process. Its stdin is a pipe whose other end only this library's
// process holds: the kernel closes it however that process ends (SIGKILL included), so EOF on
// stdin means "the owner is gone" and the watched process is stopped. It ignores the signals a
// terminal sends to the whole group: the owner decides the order of shutdown while it lives.
const WATCHDOG = `
const pid = Number(process.argv[1]);
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {});
const stop = () => {
  try { process.kill(pid, "SIGTERM"); } catch {}
  const started = Date.now();
  setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() - started > 5000) { try { process.kill(pid, "SIGKILL"); } catch {} process.exit(0); }
  }, 100);
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
setInterval(() => { if (!alive()) process.exit(0); }, 1000);
`;

/** A watchdog process that stops `pid` when this process dies, however it dies. */
export interface OwnerWatchdog {
  /** Ends the watchdog (after the watched process was stopped normally). */
  release(): void;
}

/**
 * Ties the life of process `pid` to this Node process: when this process ends without stopping it
 * (crash, SIGKILL, `process.exit` with no cleanup), the watchdog sends it SIGTERM, then SIGKILL.
 * Neither the watchdog nor its pipe keeps this process's event loop alive.
 */
export function watchOwner(pid: number): OwnerWatchdog {
  const watchdog: ChildProcess = spawn(process.execPath, ["-e", WATCHDOG, String(pid)], {
    stdio: ["pipe", "ignore", "ignore"],
    env: {},
  });
  watchdog.on("error", () => undefined); // best effort: the owner still stops the process itself
  watchdog.stdin?.on("error", () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    release() {
      if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill("SIGKILL");
    },
  };
}
