import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplicationContext } from "@nestjs/common";
import { Test } from "@nestjs/testing";
import { Dynamite, DynamiteModule } from "../../../lib/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { NightlyJob, NoRequestModule, runs } from "../src/no-request.module.js";
import { Order } from "../src/models.js";

describe("transactions with no request at all: a @nestjs/schedule cron job and onApplicationBootstrap", () => {
  let app: INestApplicationContext;
  let recorder: RequestRecorder;
  const transactsFor = (tag: string) =>
    recorder.requests
      .filter((r) => r.command === "TransactWriteItemsCommand")
      .filter((r) => r.input.TransactItems.every((item: any) => item.Put.Item.user_id === tag))
      .map((r) => r.input.TransactItems.length);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), NoRequestModule],
    }).compile();
    // the recorder starts before init, so the bootstrap hooks' requests are seen
    recorder = recordRequests(moduleRef.get(Dynamite).getClient());
    app = await moduleRef.init();
  });
  afterAll(async () => {
    recorder?.stop();
    await app?.close();
  });

  it("@Transactional() on onApplicationBootstrap: its 2 writes are one TransactWriteItems of 2, done before init() resolves", async () => {
    expect(transactsFor("bootstrap-decorated")).toEqual([2]);
    expect(runs).toContainEqual({ tag: "bootstrap-decorated", inTransaction: true });
    expect(await Order.count({ user_id: "bootstrap-decorated" })).toBe(2);
  });

  it("DynamiteTransactionHost.withTransaction() in onApplicationBootstrap: one TransactWriteItems of 2", async () => {
    expect(transactsFor("bootstrap-host")).toEqual([2]);
    expect(runs).toContainEqual({ tag: "bootstrap-host", inTransaction: true });
  });

  it("a cron job calling a @Transactional() provider method: one TransactWriteItems of 2, and no write outside it", async () => {
    await NightlyJob.firstRun.promise;
    expect(transactsFor("cron")).toEqual([2]);
    expect(runs.filter((run) => run.tag === "cron")).toEqual([{ tag: "cron", inTransaction: true }]);
    expect(recorder.count("PutItemCommand")).toBe(0);
    expect(await Order.count({ user_id: "cron" })).toBe(2);
  });
});
