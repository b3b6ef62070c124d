import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity, Service } from "electrodb";
import { EVENTS_TABLE, newOrders, newUser, ORDERS_BY_USER, ORDERS_TABLE, USERS_TABLE } from "../data.js";
import type { BenchEnv, Contender } from "../types.js";

/** Reads rows the seed wrote (without ElectroDB's `__edb_e__`/`__edb_v__` markers): its documented option for that. */
const READ = { ignoreOwnership: true } as const;

/**
 * Entities over the same tables, keys mapped onto the plain attributes (ElectroDB's "attributes
 * as indexes": a key field equal to an attribute name, no template), so the stored items match.
 */
function defineEntities(doc: DynamoDBDocumentClient) {
  const service = "bench";
  const users = new Entity(
    {
      model: { entity: "user", version: "1", service },
      attributes: {
        id: { type: "string", required: true },
        name: { type: "string" },
        email: { type: "string" },
        tier: { type: "string" },
        age: { type: "number" },
      },
      indexes: { primary: { pk: { field: "id", composite: ["id"] } } },
    },
    { table: USERS_TABLE, client: doc },
  );
  const orders = new Entity(
    {
      model: { entity: "order", version: "1", service },
      attributes: {
        id: { type: "string", required: true },
        user_id: { type: "string", required: true },
        total: { type: "number" },
        status: { type: "string" },
      },
      indexes: {
        primary: { pk: { field: "id", composite: ["id"] } },
        byUser: { index: ORDERS_BY_USER, pk: { field: "user_id", composite: ["user_id"] } },
      },
    },
    { table: ORDERS_TABLE, client: doc },
  );
  const events = new Entity(
    {
      model: { entity: "event", version: "1", service },
      attributes: {
        stream: { type: "string", required: true },
        seq: { type: "number", required: true },
        kind: { type: "string" },
        payload: { type: "string" },
      },
      indexes: { primary: { pk: { field: "stream", composite: ["stream"] }, sk: { field: "seq", composite: ["seq"] } } },
    },
    { table: EVENTS_TABLE, client: doc },
  );
  return { users, orders, events, transactions: new Service({ orders }, { client: doc, table: ORDERS_TABLE }) };
}

/** electrodb 3, written as its docs show, over a `lib-dynamodb` document client. */
export async function createElectroContender(env: BenchEnv): Promise<Contender> {
  const client = new DynamoDBClient(env.clientConfig);
  const doc = DynamoDBDocumentClient.from(client);
  const { users, orders, events, transactions } = defineEntities(doc);
  const { data } = env;
  let page2Cursor: string | null = null;
  let sequence = 0;
  const fresh = () => `${env.runTag}-edb-${sequence++}`;
  const ordersOf = async (userId: string) => (await orders.query.byUser({ user_id: userId }).go({ ...READ, pages: "all" })).data;
  return {
    name: "electrodb",
    client,
    prepare: {
      paginate: async () => {
        const page1 = await events.query.primary({ stream: data.eventStream }).go({ ...READ, limit: 20 });
        page2Cursor = (await events.query.primary({ stream: data.eventStream }).go({ ...READ, limit: 20, cursor: page1.cursor }))
          .cursor;
      },
    },
    ops: {
      get: async (i) => ((await users.get({ id: data.userIds[i % data.userIds.length] }).go(READ)).data ? 1 : 0),
      create: async () => {
        await users.create(newUser(fresh())).go();
        return 0;
      },
      update: async (i) => {
        // patch = update that requires the item to exist (the same semantics as the others)
        await users
          .patch({ id: data.userIds[i % data.userIds.length] })
          .set({ name: `Renamed ${i}`, age: 40 + (i % 10) })
          .go();
        return 0;
      },
      "query-gsi": async () => (await ordersOf(data.bigUserId)).length,
      "scan-filter": async () => {
        // `limit` is DynamoDB's Limit (items read per page): follow cursors until 25 matched, like the raw loop.
        const rows: unknown[] = [];
        let cursor: string | null = null;
        do {
          const page: { data: unknown[]; cursor: string | null } = await users.scan
            .where(({ tier }, { eq }) => eq(tier, "gold"))
            .go({ ...READ, limit: 100, cursor });
          rows.push(...page.data);
          cursor = page.cursor;
        } while (cursor && rows.length < 25);
        return rows.slice(0, 25).length;
      },
      paginate: async () =>
        (await events.query.primary({ stream: data.eventStream }).go({ ...READ, limit: 20, cursor: page2Cursor })).data.length,
      include: async () => {
        const found = (await users.get(data.includeUserIds.map((id) => ({ id }))).go(READ)).data;
        const lists = await Promise.all(found.map((user) => ordersOf(user.id)));
        return found.length + lists.reduce((sum, list) => sum + list.length, 0);
      },
      "create-many": async () => {
        await orders.put(newOrders(fresh(), 1000)).go({ concurrency: 16 });
        return 0;
      },
      transaction: async () => {
        const rows = newOrders(fresh(), 25);
        await transactions.transaction.write(({ orders: entity }) => rows.map((row) => entity.create(row).commit())).go();
        return 0;
      },
    },
    close: async () => client.destroy(),
  };
}
