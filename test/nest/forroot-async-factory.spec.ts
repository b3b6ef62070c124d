import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { ConfigModule, ConfigService } from "@nestjs/config";
import request from "supertest";
import { Dynamite, DynamiteModule, type DynamiteModuleOptions } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { UsersModule } from "./src/users.module.js";

const dynamoConfig = testClientConfig();

describe("DynamiteModule.forRootAsync({ imports, inject, useFactory }) with ConfigService", () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await bootApp([
      ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ dynamodb: dynamoConfig })] }),
      DynamiteModule.forRootAsync({
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({ ...config.getOrThrow<DynamiteModuleOptions>("dynamodb"), retryAttempts: 0 }),
      }),
      UsersModule,
    ]);
  });
  afterAll(() => app?.close());

  it("connects with the options the factory read from ConfigService", async () => {
    const dynamite = app.get(Dynamite);
    expect(dynamite.isReady()).toBe(true);
    expect((await dynamite.getClient().config.credentials()).accessKeyId).toBe(dynamoConfig.credentials.accessKeyId);
  });

  it("serves the feature repositories over HTTP", async () => {
    const created = await request(app.getHttpServer()).post("/users").send({ email: "cfg@example.com" }).expect(201);
    await request(app.getHttpServer()).get(`/users/${created.body.id}`).expect(200, created.body);
  });
});

describe("two identical forRootAsync() calls", () => {
  it("are two modules, not merged: the factory runs twice", async () => {
    let calls = 0;
    const options = {
      useFactory: () => {
        calls++;
        return { ...dynamoConfig, retryAttempts: 0 };
      },
    };
    const app = await bootApp([DynamiteModule.forRootAsync(options), DynamiteModule.forRootAsync(options)]);
    await app.close();
    expect(calls).toBe(2);
  });
});
