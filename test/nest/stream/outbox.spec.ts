import "reflect-metadata";
import { afterEach, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import { Dynamite, type DynamiteStreamModuleOptions } from "../../../lib/index.js";
import { recordRequests } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { waitFor } from "../../helpers/wait-for.js";
import { StockItem, startStreamApp, seen } from "./stream-app.js";

describe("DynamiteStreamModule outbox: after-commit events survive a stop between the commit and the publish", () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    Object.values(seen).forEach((list) => list.splice(0));
  });
  const start = (connection: ReturnType<typeof testClientConfig>, streams: DynamiteStreamModuleOptions) =>
    startStreamApp(apps, connection, streams);
  const reserve = (app: INestApplication, sku: string, reservation: string) => {
    const dynamite = app.get(Dynamite);
    return dynamite.tx(async () => {
      const item = (await StockItem.first({ sku }))!;
      await item.decrement("stock");
      await dynamite.events.publish("stock.reserved", { sku, reservation });
    });
  };

  it("the event is written in the business TransactWriteItems; stopped before relaying, the next app delivers it exactly once", async () => {
    const connection = testClientConfig();
    // a long poll interval: the relay's first (empty) round is over before the commit, so app 1 never relays it
    const first = await start(connection, { outbox: true, poll: { pollInterval: 60_000 } });
    await StockItem.create({ sku: "pen", stock: 5 });
    const recorder = recordRequests(first.get(Dynamite).getClient());
    await reserve(first, "pen", "r-1");
    recorder.stop();
    const transact = recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand");
    expect(
      transact.map((r) =>
        r.input.TransactItems.map((item: Record<string, any>) => Object.keys(item)[0] + " " + Object.values(item)[0].TableName),
      ),
    ).toEqual([["Update stock_items", "Put dynamite_outbox"]]);
    await first.close();
    apps.length = 0;
    expect(seen.events).toEqual([]);

    await start(connection, { outbox: true, poll: { pollInterval: 50 } });
    await waitFor(() => seen.events.length === 1, "the relayed event");
    await reserve(apps[0], "pen", "r-2");
    await waitFor(() => seen.events.length === 2, "the second event");
    await apps[0].close();
    apps.length = 0;

    // a third start (and a consumer group that replays the whole stream) delivers nothing again
    await start(connection, { outbox: true, poll: { pollInterval: 50, consumer: "replay-everything" } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seen.events).toEqual(["pen:r-1", "pen:r-2"]);
    expect((await StockItem.first({ sku: "pen" }))!.stock).toBe(3);
  });

  it("a rolled-back transaction leaves no outbox event", async () => {
    const connection = testClientConfig();
    const app = await start(connection, { outbox: true, poll: { pollInterval: 50 } });
    await StockItem.create({ sku: "cup", stock: 1 });
    await expect(
      app.get(Dynamite).tx(async () => {
        await app.get(Dynamite).events.publish("stock.reserved", { sku: "cup", reservation: "never" });
        throw new Error("card declined");
      }),
    ).rejects.toThrow("card declined");
    await reserve(app, "cup", "ok");
    await waitFor(() => seen.events.length === 1, "the committed event");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.events).toEqual(["cup:ok"]);
  });
});
