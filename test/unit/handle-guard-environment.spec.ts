import { describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:net";
import HandleGuardEnvironment from "../helpers/handle-guard-environment.mjs";

/** A guard as Jest makes one for a test file, with a short settle time. */
async function guard(): Promise<HandleGuardEnvironment> {
  const config = { globalConfig: {}, projectConfig: { testEnvironmentOptions: { settleMs: 150 }, globals: {} } };
  const context = { console, docblockPragmas: {}, testPath: "/guarded.spec.ts" };
  const environment = new HandleGuardEnvironment(config as never, context as never);
  await environment.setup();
  return environment;
}

const listening = (): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });

const timers = (environment: HandleGuardEnvironment) =>
  environment.global as unknown as Pick<typeof globalThis, "setTimeout" | "setInterval" | "clearInterval">;

describe("the test environment fails a file that leaves the event loop held open", () => {
  it("passes a file that left nothing open", async () => {
    const environment = await guard();
    await expect(environment.teardown()).resolves.toBeUndefined();
  });

  it("fails a file that left a server listening, naming it", async () => {
    const environment = await guard();
    const server = await listening();
    try {
      await expect(environment.teardown()).rejects.toThrow(/left Server keeping the event loop alive 150 ms/);
    } finally {
      server.close();
    }
  });

  it("passes a file whose server finishes closing within the settle time", async () => {
    const environment = await guard();
    const server = await listening();
    setTimeout(() => server.close(), 30);
    await expect(environment.teardown()).resolves.toBeUndefined();
  });

  it("fails a file that left an interval running, and passes one that cleared or unref'd it", async () => {
    const leaky = await guard();
    const interval = timers(leaky).setInterval(() => undefined, 1_000);
    try {
      await expect(leaky.teardown()).rejects.toThrow(/left a timer/);
    } finally {
      timers(leaky).clearInterval(interval);
    }

    const cleared = await guard();
    timers(cleared).clearInterval(timers(cleared).setInterval(() => undefined, 1_000));
    await expect(cleared.teardown()).resolves.toBeUndefined();

    const unrefd = await guard();
    const background = timers(unrefd)
      .setInterval(() => undefined, 1_000)
      .unref();
    await expect(unrefd.teardown()).resolves.toBeUndefined();
    clearInterval(background);
  });

  it("passes a file whose last timeout fires within the settle time", async () => {
    const environment = await guard();
    timers(environment).setTimeout(() => undefined, 40);
    await expect(environment.teardown()).resolves.toBeUndefined();
  });
});
