import "reflect-metadata";
import { afterEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import {
  Dynamite,
  DynamiteModule,
  DynamiteStreamModule,
  DynamiteStreams,
  OnTableChange,
  type DynamiteStreamModuleOptions,
} from "../../../lib/index.js";
import { readStream, streamArnOf, toLambdaRecord } from "../../helpers/stream-records.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { activeTimers, waitFor } from "../../helpers/wait-for.js";
import { bootApp } from "../src/boot.js";
import { StockItem, startStreamApp, seen } from "./stream-app.js";

const reset = () => Object.values(seen).forEach((list) => list.splice(0));

describe("DynamiteStreamModule: @OnTableChange handlers fed by polling or by a Lambda event", () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    reset();
  });
  const start = (connection: ReturnType<typeof testClientConfig>, streams: DynamiteStreamModuleOptions) =>
    startStreamApp(apps, connection, streams);

  it("handlers get typed changes filtered by events; app.close() stops polling without timers; a restart resumes after the checkpoint", async () => {
    const connection = testClientConfig();
    const timersBefore = activeTimers();
    const app = await start(connection, { poll: { pollInterval: 50 } });
    await StockItem.create({ sku: "lamp", stock: 3 });
    await StockItem.update({ stock: 1 }, { sku: "lamp" });
    await (await StockItem.first({ sku: "lamp" }))!.destroy();
    await waitFor(() => seen.all.length === 3, "3 changes");
    expect(seen.all).toEqual(["lamp:insert:3", "lamp:modify:1", "lamp:modify:1"]);
    expect(seen.modifies).toEqual(["lamp:stock", "lamp:deletedAt"]);
    expect(seen.trashed).toEqual(["lamp:soft"]);
    await app.close();
    apps.length = 0;
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);

    // written while no app runs: the next app picks up exactly these
    const writer = new Dynamite({ ...connection, tables: [StockItem] });
    writer.connect();
    await (await StockItem.withTrashed({ sku: "lamp" }))[0].forceDestroy();
    await StockItem.create({ sku: "desk", stock: 9 });
    writer.disconnect();
    reset();
    await start(connection, { poll: { pollInterval: 50 } });
    await waitFor(() => seen.all.length === 2, "2 more changes");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.all).toEqual(["lamp:remove:-", "desk:insert:9"]);
    expect(seen.trashed).toEqual(["lamp:hard"]);
  });

  it("without poll nothing is read; handleLambdaEvent dispatches a Lambda event and reports the failing record", async () => {
    const connection = testClientConfig();
    const app = await start(connection, {});
    await StockItem.create({ sku: "chair", stock: 2 });
    await StockItem.update({ stock: 0 }, { sku: "chair" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.all).toEqual([]);
    const client = app.get(Dynamite).getClient();
    const arn = await streamArnOf(client, "stock_items");
    const records = (await readStream(client, "stock_items")).map((record) => toLambdaRecord(record, arn));
    const streams = app.get(DynamiteStreams);
    expect(await streams.handleLambdaEvent({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(seen.all).toEqual(["chair:insert:2", "chair:modify:0"]);
    const broken: Record<string, any> = { ...records[1], eventName: "BROKEN" };
    expect(await streams.handleLambdaEvent({ Records: [records[0], broken] })).toEqual({
      batchItemFailures: [{ itemIdentifier: broken.dynamodb.SequenceNumber }],
    });
  });

  it("a handler on a model whose table has no stream fails the app's startup with a ConfigError", async () => {
    const { Injectable, Module } = await import("@nestjs/common");
    const { PrimaryKey, Table } = await import("../../../lib/index.js");
    class Quiet extends Table<Quiet> {
      @PrimaryKey() declare id: string;
    }
    @Injectable()
    class QuietWatcher {
      @OnTableChange(Quiet)
      on() {}
    }
    @Module({ providers: [QuietWatcher] })
    class QuietModule {}
    const timersBefore = activeTimers();
    await expect(
      bootApp([
        DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }),
        DynamiteModule.forFeature([Quiet]),
        DynamiteStreamModule.forRoot({ poll: { pollInterval: 50 } }),
        QuietModule,
      ]),
    ).rejects.toThrow("Table quiets has no enabled stream");
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it.each([[{ events: ["upsert"] }], [{ events: "insert" }]])(
    "@OnTableChange with bad options %p throws at decoration",
    (options) => {
      expect(() => OnTableChange(StockItem, options as never)).toThrow(
        /events must be some of insert, modify, remove, softDelete, restore/,
      );
    },
  );
});
