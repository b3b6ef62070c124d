import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule, getDynamiteToken, getGlobalClient, getTableToken } from "../../lib/index.js";
import { recordRequests } from "../helpers/request-recorder.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { AnalyticsModule, AnalyticsService } from "./src/analytics.module.js";
import { bootApp } from "./src/boot.js";
import { Event, User } from "./src/models.js";
import { UsersModule } from "./src/users.module.js";

// Two DynamoDB Local databases: each fresh access key is a separate database on the same endpoint.
describe("named connections", () => {
  let app: INestApplication;
  let main: Dynamite;
  let analytics: Dynamite;
  const tablesOf = async (dynamite: Dynamite) => (await dynamite.getClient().send(new ListTablesCommand({}))).TableNames;

  beforeAll(async () => {
    app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }),
      DynamiteModule.forRoot({ ...testClientConfig(), name: "analytics", retryAttempts: 0 }),
      UsersModule,
      AnalyticsModule,
    ]);
    main = app.get(Dynamite);
    analytics = app.get(getDynamiteToken("analytics"));
  });
  afterAll(() => app?.close());

  it("each connection is its own client under its own token; the default one stays the global client", () => {
    expect(analytics).toBeInstanceOf(Dynamite);
    expect(analytics).not.toBe(main);
    expect(analytics.isReady()).toBe(true);
    expect(getGlobalClient()).toBe(main.getClient());
    expect(app.get(AnalyticsService).connection).toBe(analytics);
  });

  it("forFeature(tables, name) creates the tables on that connection only", async () => {
    expect(await tablesOf(analytics)).toEqual(["events"]);
    expect(await tablesOf(main)).toEqual(expect.arrayContaining(["users", "orders"]));
    expect(await tablesOf(main)).not.toContain("events");
  });

  it("static calls of a table on the named connection use it, while User uses the default one", async () => {
    const onAnalytics = recordRequests(analytics.getClient());
    const onMain = recordRequests(main.getClient());
    await Event.create({ type: "signup" });
    await User.create({ email: "named@example.com" });
    onAnalytics.stop();
    onMain.stop();
    expect(onAnalytics.commands()).toEqual(["PutItemCommand"]);
    expect(onMain.commands()).toEqual(["PutItemCommand"]);
  });

  it("the repository token of the named connection serves that connection's rows", async () => {
    const events = app.get(getTableToken(Event, "analytics"));
    expect(events).toBe(app.get(AnalyticsService).events);
    expect((await events.where({ type: "signup" })).length).toBe(1);
    expect(() => app.get(getTableToken(Event))).toThrow();
  });

  it("@Transactional({ connection }) commits the named connection's writes in one transaction, or none", async () => {
    const onAnalytics = recordRequests(analytics.getClient());
    await request(app.getHttpServer())
      .post("/events")
      .send({ types: ["a", "b"] })
      .expect(201, { count: 2 });
    await request(app.getHttpServer())
      .post("/events?fail=1")
      .send({ types: ["c", "d"] })
      .expect(400);
    onAnalytics.stop();
    expect(onAnalytics.requests.map((r) => [r.command, r.input.TransactItems?.length])).toEqual([
      ["TransactWriteItemsCommand", 2],
    ]);
    expect((await Event.where({ type: ["a", "b", "c", "d"] })).map((e) => e.type).sort()).toEqual(["a", "b"]);
  });
});
