import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { LoggerService } from "@nestjs/common";
import { createServer, type Server } from "node:net";
import { ConfigError, Dynamite, DynamiteError, DynamiteModule, Table, type DynamiteModuleOptions } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { User } from "./src/models.js";

// The retry messages are expected here.
const silent: LoggerService = { log() {}, error() {}, warn() {} };
const boot = (config: DynamiteModuleOptions) => bootApp([DynamiteModule.forRoot(config)], (b) => b.setLogger(silent));

class NoKeys extends Table<NoKeys> {
  declare name: string;
}

describe("DynamiteModule connect/sync retries", () => {
  let server: Server;
  let connections = 0;
  let endpoint: string;

  beforeAll(async () => {
    // An endpoint that accepts and immediately drops every connection: each sync attempt fails.
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("retries retryAttempts times with retryDelay, then fails the bootstrap with the cause", async () => {
    const sync = jest.spyOn(Dynamite.prototype, "sync");
    const config = { ...testClientConfig(), endpoint, maxAttempts: 1, tables: [User], retryAttempts: 2, retryDelay: 10 };
    const failure = await boot(config).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DynamiteError);
    expect((failure as Error).message).toMatch(/could not connect and sync the "default" connection/);
    expect((failure as Error).cause).toBeInstanceOf(Error);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(connections).toBe(3);
    sync.mockRestore();
  });

  it("does not retry a ConfigError (a model without keys): fails at once naming the class", async () => {
    const sync = jest.spyOn(Dynamite.prototype, "sync");
    const config = { ...testClientConfig(), tables: [NoKeys], retryAttempts: 5, retryDelay: 10 };
    const failure = await boot(config).catch((error: unknown) => error);
    expect(sync).toHaveBeenCalledTimes(1);
    sync.mockRestore();
    expect((failure as Error).cause).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/not registered in wrapper.*NoKeys|NoKeys.*not registered in wrapper/);
  });
});
