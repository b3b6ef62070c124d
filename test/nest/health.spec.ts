import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Controller, Get, Module, type INestApplication } from "@nestjs/common";
import { HealthCheck, HealthCheckService, TerminusModule } from "@nestjs/terminus";
import { createServer, type Server } from "node:net";
import request from "supertest";
import { Dynamite, DynamiteHealthIndicator, DynamiteModule } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";

@Controller("health")
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dynamite: DynamiteHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.dynamite.pingCheck("dynamodb")]);
  }
}

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [DynamiteHealthIndicator],
})
class HealthModule {}

describe("DynamiteHealthIndicator with @nestjs/terminus", () => {
  let server: Server;
  let deadEndpoint: string;

  beforeAll(async () => {
    // Accepts and drops every connection: an unreachable DynamoDB.
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    deadEndpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  describe("against DynamoDB Local", () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), HealthModule]);
    });
    afterAll(() => app?.close());

    it("reports up (200)", async () => {
      const res = await request(app.getHttpServer()).get("/health").expect(200);
      expect(res.body).toMatchObject({ status: "ok", info: { dynamodb: { status: "up" } } });
    });

    it("reports down once the connection is closed", async () => {
      const indicator = app.get(DynamiteHealthIndicator);
      app.get(Dynamite).disconnect();
      expect(await indicator.pingCheck("dynamodb")).toEqual({ dynamodb: { status: "down", message: "not connected" } });
    });
  });

  it("reports down (503) when DynamoDB does not answer", async () => {
    // no tables: startup sends nothing, so only the health check meets the dead endpoint
    const config = { ...testClientConfig(), endpoint: deadEndpoint, maxAttempts: 1, retryAttempts: 0 };
    const app = await bootApp([DynamiteModule.forRoot(config), HealthModule]);
    const res = await request(app.getHttpServer()).get("/health").expect(503);
    expect(res.body).toMatchObject({ status: "error", error: { dynamodb: { status: "down" } } });
    await app.close();
  });
});
