import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule } from "../../lib/index.js";
import { bootApp } from "./src/boot.js";
import { DynamiteConfigModule, DynamiteConfigService } from "./src/dynamite-config.service.js";
import { UsersModule } from "./src/users.module.js";

describe("DynamiteModule.forRootAsync({ imports, useExisting })", () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await bootApp([
      DynamiteConfigModule,
      DynamiteModule.forRootAsync({ imports: [DynamiteConfigModule], useExisting: DynamiteConfigService }),
      UsersModule,
    ]);
  });
  afterAll(() => app?.close());

  it("reuses the imported factory instance (asked once, for the default connection)", () => {
    expect(app.get(DynamiteConfigService).calls).toEqual([undefined]);
    expect(app.get(Dynamite).isReady()).toBe(true);
  });

  it("serves the feature repositories over HTTP", async () => {
    const created = await request(app.getHttpServer()).post("/users").send({ email: "existing@example.com" }).expect(201);
    await request(app.getHttpServer()).get(`/users/${created.body.id}`).expect(200, created.body);
  });
});
