import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Injectable, Module, type INestApplication, type OnModuleInit } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule, getDynamiteToken, getTableToken, hasGlobalClient } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { Order, User } from "./src/models.js";
import { UsersModule } from "./src/users.module.js";

/** A provider of another module that uses the tables in its own onModuleInit. */
@Injectable()
class SeedService implements OnModuleInit {
  seeded?: User;
  async onModuleInit(): Promise<void> {
    await User.create({ id: "seed", email: "seed@example.com" });
    this.seeded = await User.first({ id: "seed" });
  }
}

@Module({ providers: [SeedService], exports: [SeedService] })
class SeedModule {}

describe("DynamiteModule.forRoot", () => {
  let app: INestApplication;
  let dynamite: Dynamite;

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), SeedModule, UsersModule]);
    dynamite = app.get(Dynamite);
  });
  afterAll(() => app?.close());

  it("provides one connected, synced Dynamite by its class and by getDynamiteToken()", () => {
    expect(dynamite).toBeInstanceOf(Dynamite);
    expect(app.get(getDynamiteToken())).toBe(dynamite);
    expect(dynamite.isReady()).toBe(true);
  });

  it("creates the forFeature tables without listing them in forRoot (autoLoadTables)", () => {
    expect(dynamite.getTables()).toEqual(expect.arrayContaining([User, Order]));
  });

  it("a provider's onModuleInit in another module can write and read (tables exist by then)", () => {
    expect(app.get(SeedService).seeded?.toJSON()).toMatchObject({ id: "seed", email: "seed@example.com" });
  });

  it("serves repositories over HTTP: POST then GET a user", async () => {
    const created = await request(app.getHttpServer()).post("/users").send({ email: "ada@example.com", name: "Ada" }).expect(201);
    const fetched = await request(app.getHttpServer()).get(`/users/${created.body.id}`).expect(200);
    expect(fetched.body).toMatchObject({ email: "ada@example.com", name: "Ada" });
  });

  it("static calls work anywhere through the connection after init", async () => {
    await User.create({ id: "static", email: "static@example.com" });
    expect((await app.get(getTableToken(User)).first({ id: "static" }))?.email).toBe("static@example.com");
  });
});

describe("DynamiteModule.forRoot shutdown", () => {
  it("app.close() disconnects: isReady() false, no global client, no open sockets to DynamoDB", async () => {
    const app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), UsersModule]);
    await request(app.getHttpServer()).post("/users").send({ email: "bye@example.com" }).expect(201);
    const dynamite = app.get(Dynamite);
    const sockets = () => process.getActiveResourcesInfo().filter((resource) => resource === "TCPSocketWrap");
    expect(sockets().length).toBeGreaterThan(0); // the SDK's keep-alive connection
    await app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dynamite.isReady()).toBe(false);
    expect(hasGlobalClient()).toBe(false);
    expect(sockets()).toEqual([]);
  });
});
