// Runs outside Jest's module system (like global-setup.mjs), once per test file, in the worker process.
import { TestEnvironment } from "jest-environment-node";

/** How long a file's sockets, timers and child processes may take to finish closing after its last hook. */
const DEFAULT_SETTLE_MS = 3_000;

const describeHandle = (handle) => handle?.constructor?.name ?? typeof handle;

/**
 * The Node environment, plus a check that a test file leaves nothing behind that keeps the event
 * loop alive: once its last hook has run, every handle (server, socket, child process, pipe) that
 * appeared during the file must be closed or unref'd, and every timer the file set must have fired,
 * been cleared or be unref'd; otherwise the file fails and names them. Jest's own "A worker process
 * has failed to exit gracefully" only says, at the end of the run, that some file leaked something.
 */
export default class HandleGuardEnvironment extends TestEnvironment {
  timers = new Set();

  constructor(config, context) {
    super(config, context);
    this.settleMs = config.projectConfig.testEnvironmentOptions?.settleMs ?? DEFAULT_SETTLE_MS;
  }

  async setup() {
    await super.setup();
    this.handlesBefore = new Set(process._getActiveHandles());
    for (const name of ["setTimeout", "setInterval"]) {
      const original = this.global[name];
      const timers = this.timers;
      this.global[name] = Object.assign(function (...args) {
        const timer = original.apply(this, args);
        timers.add(timer);
        return timer;
      }, original);
    }
  }

  async teardown() {
    const leaked = await this.leftovers();
    await super.teardown();
    if (leaked.length) {
      throw new Error(
        `this test file left ${leaked.join(", ")} keeping the event loop alive ${this.settleMs} ms after its last hook: ` +
          "close servers, sockets, clients and child processes, and clear timers, in afterAll",
      );
    }
  }

  /** What still keeps the loop alive once the file has had time to settle. */
  async leftovers() {
    const deadline = Date.now() + this.settleMs;
    for (;;) {
      const handles = process._getActiveHandles().filter((handle) => !this.handlesBefore.has(handle));
      const timers = [...this.timers].filter((timer) => !timer._destroyed && timer.hasRef());
      const leaked = [...handles.map(describeHandle), ...timers.map(() => "a timer")];
      if (!leaked.length || Date.now() > deadline) return leaked;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
