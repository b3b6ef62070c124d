import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule } from "../../lib/index.js";
import { bootApp } from "./src/boot.js";
import { DynamiteConfigService } from "./src/dynamite-config.service.js";
import { UsersModule } from "./src/users.module.js";

describe("DynamiteModule.forRootAsync({ useClass })", () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRootAsync({ useClass: DynamiteConfigService }), UsersModule]);
  });
  afterAll(() => app?.close());

  it("instantiates the factory class and connects with its createDynamiteOptions()", () => {
    expect(app.get(Dynamite).isReady()).toBe(true);
  });

  it("serves the feature repositories over HTTP", async () => {
    const created = await request(app.getHttpServer()).post("/users").send({ email: "class@example.com" }).expect(201);
    await request(app.getHttpServer()).get(`/users/${created.body.id}`).expect(200, created.body);
  });
});
