import { Dynamite } from "../../lib/core/index.js";
import { newOrders, newUser } from "../data.js";
import type { BenchEnv, Contender } from "../types.js";
import { BENCH_MODELS, Event, Order, User } from "./dynamite-models.js";

/** Creates the bench tables (and their GSIs) the way an application would: `sync()`. */
export async function syncBenchTables(env: BenchEnv): Promise<void> {
  const dynamite = new Dynamite({ ...env.clientConfig, tables: BENCH_MODELS });
  await dynamite.sync();
  dynamite.release();
  dynamite.disconnect();
}

/** nestjs-dynamite, written as its docs show: static model calls, `dynamite.tx` for the transaction. */
export async function createDynamiteContender(env: BenchEnv): Promise<Contender> {
  const dynamite = new Dynamite({ ...env.clientConfig, tables: BENCH_MODELS });
  dynamite.connect();
  const { data } = env;
  let page2Cursor: string | undefined;
  let sequence = 0;
  const fresh = () => `${env.runTag}-dyn-${sequence++}`;
  return {
    name: "nestjs-dynamite",
    client: dynamite.getClient(),
    prepare: {
      paginate: async () => {
        const page1 = await Event.paginate({ stream: data.eventStream }, { limit: 20 });
        page2Cursor = (await Event.paginate({ stream: data.eventStream }, { limit: 20, cursor: page1.cursor })).cursor;
      },
    },
    ops: {
      get: async (i) => ((await User.first({ id: data.userIds[i % data.userIds.length] })) ? 1 : 0),
      create: async () => {
        await User.create(newUser(fresh()));
        return 0;
      },
      update: async (i) => {
        await User.update({ name: `Renamed ${i}`, age: 40 + (i % 10) }, { id: data.userIds[i % data.userIds.length] });
        return 0;
      },
      "query-gsi": async () => (await Order.where({ user_id: data.bigUserId })).length,
      "scan-filter": async () => (await User.where({ tier: "gold" }, { limit: 25 })).length,
      paginate: async () => (await Event.paginate({ stream: data.eventStream }, { limit: 20, cursor: page2Cursor })).items.length,
      include: async () => {
        const users = await User.where({ id: data.includeUserIds }, { include: ["orders"] });
        return users.length + users.reduce((sum, user) => sum + user.orders.length, 0);
      },
      "create-many": async () => {
        await Order.createMany(newOrders(fresh(), 1000));
        return 0;
      },
      transaction: async () => {
        const rows = newOrders(fresh(), 25);
        await dynamite.tx(async () => {
          for (const row of rows) await Order.create(row);
        });
        return 0;
      },
    },
    close: async () => {
      dynamite.release();
      dynamite.disconnect();
    },
  };
}
