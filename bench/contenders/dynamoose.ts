import dynamoose from "dynamoose";
import { EVENTS_TABLE, newOrders, newUser, ORDERS_BY_USER, ORDERS_TABLE, USERS_TABLE } from "../data.js";
import type { BenchEnv, Contender } from "../types.js";

const TABLE_OPTIONS = { create: false, update: false, waitForActive: false, throughput: "ON_DEMAND" as const };

function defineModels() {
  const users = dynamoose.model(
    USERS_TABLE,
    new dynamoose.Schema({ id: { type: String, hashKey: true }, name: String, email: String, tier: String, age: Number }),
    TABLE_OPTIONS,
  );
  const orders = dynamoose.model(
    ORDERS_TABLE,
    new dynamoose.Schema({
      id: { type: String, hashKey: true },
      user_id: { type: String, index: { name: ORDERS_BY_USER, type: "global" } },
      total: Number,
      status: String,
    }),
    TABLE_OPTIONS,
  );
  const events = dynamoose.model(
    EVENTS_TABLE,
    new dynamoose.Schema({
      stream: { type: String, hashKey: true },
      seq: { type: Number, rangeKey: true },
      kind: String,
      payload: String,
    }),
    TABLE_OPTIONS,
  );
  return { users, orders, events };
}

let models: ReturnType<typeof defineModels> | undefined; // dynamoose registers models by name, once per process

/** dynamoose 4, written as its docs show; the same SDK client type, set with `dynamoose.aws.ddb.set`. */
export async function createDynamooseContender(env: BenchEnv): Promise<Contender> {
  const client = new dynamoose.aws.ddb.DynamoDB(env.clientConfig);
  dynamoose.aws.ddb.set(client);
  models ??= defineModels();
  const { users, orders, events } = models;
  const { data } = env;
  let page2Key: any;
  let sequence = 0;
  const fresh = () => `${env.runTag}-dys-${sequence++}`;
  const ordersOf = (userId: string) => orders.query("user_id").eq(userId).using(ORDERS_BY_USER).all().exec();
  return {
    name: "dynamoose",
    client,
    prepare: {
      paginate: async () => {
        const page1 = await events.query("stream").eq(data.eventStream).limit(20).exec();
        page2Key = (await events.query("stream").eq(data.eventStream).limit(20).startAt(page1.lastKey!).exec()).lastKey;
      },
    },
    ops: {
      get: async (i) => ((await users.get({ id: data.userIds[i % data.userIds.length] })) ? 1 : 0),
      create: async () => {
        await users.create(newUser(fresh())); // create() refuses to overwrite by default
        return 0;
      },
      update: async (i) => {
        await users.update(
          { id: data.userIds[i % data.userIds.length] },
          { name: `Renamed ${i}`, age: 40 + (i % 10) },
          { condition: new dynamoose.Condition().where("id").exists() },
        );
        return 0;
      },
      "query-gsi": async () => (await ordersOf(data.bigUserId)).length,
      "scan-filter": async () => {
        const rows: unknown[] = [];
        let start: any;
        do {
          let scan = users.scan("tier").eq("gold").limit(100);
          if (start) scan = scan.startAt(start);
          const page = await scan.exec();
          rows.push(...page);
          start = page.lastKey;
        } while (start && rows.length < 25);
        return rows.slice(0, 25).length;
      },
      paginate: async () => (await events.query("stream").eq(data.eventStream).limit(20).startAt(page2Key).exec()).length,
      include: async () => {
        const found = await users.batchGet(data.includeUserIds.map((id) => ({ id })));
        const lists = await Promise.all(found.map((user: any) => ordersOf(user.id)));
        return found.length + lists.reduce((sum, list) => sum + list.length, 0);
      },
      "create-many": async () => {
        const rows = newOrders(fresh(), 1000);
        const chunks = Array.from({ length: 40 }, (_, i) => rows.slice(i * 25, i * 25 + 25));
        await Promise.all(
          chunks.map(async (chunk) => {
            let pending: any[] = chunk;
            while (pending.length) pending = (await orders.batchPut(pending)).unprocessedItems;
          }),
        );
        return 0;
      },
      transaction: async () => {
        const rows = newOrders(fresh(), 25);
        await dynamoose.transaction(rows.map((row) => orders.transaction.create(row)));
        return 0;
      },
    },
    close: async () => {
      dynamoose.aws.ddb.revert();
      client.destroy();
    },
  };
}
