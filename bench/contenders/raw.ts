import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { EVENTS_TABLE, newOrders, newUser, ORDERS_BY_USER, ORDERS_TABLE, USERS_TABLE } from "../data.js";
import type { BenchEnv, Contender } from "../types.js";

type Row = Record<string, any>;

/** Every page of a Query (follows LastEvaluatedKey). */
async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Row[]> {
  const rows: Row[] = [];
  let start: Row | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return rows;
}

function ordersOf(doc: DynamoDBDocumentClient, userId: string): Promise<Row[]> {
  return queryAll(doc, {
    TableName: ORDERS_TABLE,
    IndexName: ORDERS_BY_USER,
    KeyConditionExpression: "user_id = :u",
    ExpressionAttributeValues: { ":u": userId },
  });
}

/** BatchWriteItem of up to 25 puts, resending UnprocessedItems with a short backoff. */
async function batchPut(doc: DynamoDBDocumentClient, rows: Row[]): Promise<void> {
  let pending: Record<string, any> | undefined = { [ORDERS_TABLE]: rows.map((Item) => ({ PutRequest: { Item } })) };
  for (let attempt = 0; pending && Object.keys(pending).length; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    pending = (await doc.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems;
  }
}

/**
 * The floor: hand-written `@aws-sdk/lib-dynamodb` code, one request per operation where DynamoDB
 * allows it, the same write semantics as nestjs-dynamite (create never overwrites, update needs
 * the row to exist), concurrency where the work allows it.
 */
export async function createRawContender(env: BenchEnv): Promise<Contender> {
  const client = new DynamoDBClient(env.clientConfig);
  const doc = DynamoDBDocumentClient.from(client);
  const { data } = env;
  let page2Key: Row | undefined;
  let sequence = 0;
  const fresh = () => `${env.runTag}-raw-${sequence++}`;
  return {
    name: "raw",
    client,
    prepare: {
      paginate: async () => {
        const input = {
          TableName: EVENTS_TABLE,
          KeyConditionExpression: "#s = :s",
          ExpressionAttributeNames: { "#s": "stream" },
          ExpressionAttributeValues: { ":s": data.eventStream },
          Limit: 20,
        };
        const page1 = await doc.send(new QueryCommand(input));
        page2Key = (await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: page1.LastEvaluatedKey }))).LastEvaluatedKey;
      },
    },
    ops: {
      get: async (i) => {
        const { Item } = await doc.send(
          new GetCommand({ TableName: USERS_TABLE, Key: { id: data.userIds[i % data.userIds.length] } }),
        );
        return Item ? 1 : 0;
      },
      create: async () => {
        const id = fresh();
        await doc.send(
          new PutCommand({ TableName: USERS_TABLE, Item: newUser(id), ConditionExpression: "attribute_not_exists(id)" }),
        );
        return 0;
      },
      update: async (i) => {
        await doc.send(
          new UpdateCommand({
            TableName: USERS_TABLE,
            Key: { id: data.userIds[i % data.userIds.length] },
            UpdateExpression: "SET #name = :name, age = :age",
            ConditionExpression: "attribute_exists(id)",
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: { ":name": `Renamed ${i}`, ":age": 40 + (i % 10) },
          }),
        );
        return 0;
      },
      "query-gsi": async () => (await ordersOf(doc, data.bigUserId)).length,
      "scan-filter": async () => {
        const rows: Row[] = [];
        let start: Row | undefined;
        do {
          const page = await doc.send(
            new ScanCommand({
              TableName: USERS_TABLE,
              FilterExpression: "tier = :t",
              ExpressionAttributeValues: { ":t": "gold" },
              Limit: 100,
              ExclusiveStartKey: start,
            }),
          );
          rows.push(...(page.Items ?? []));
          start = page.LastEvaluatedKey;
        } while (start && rows.length < 25);
        return rows.slice(0, 25).length;
      },
      paginate: async () => {
        const page = await doc.send(
          new QueryCommand({
            TableName: EVENTS_TABLE,
            KeyConditionExpression: "#s = :s",
            ExpressionAttributeNames: { "#s": "stream" },
            ExpressionAttributeValues: { ":s": data.eventStream },
            Limit: 20,
            ExclusiveStartKey: page2Key,
          }),
        );
        return page.Items?.length ?? 0;
      },
      include: async () => {
        const ids = data.includeUserIds;
        // The users first (only existing users get their orders, as with an include), then all their Queries at once.
        const batch = await doc.send(
          new BatchGetCommand({ RequestItems: { [USERS_TABLE]: { Keys: ids.map((id) => ({ id })) } } }),
        );
        const users = batch.Responses?.[USERS_TABLE] ?? [];
        const orders = await Promise.all(users.map((user) => ordersOf(doc, user.id)));
        users.forEach((user, i) => (user.orders = orders[i]));
        return users.length + orders.reduce((sum, list) => sum + list.length, 0);
      },
      "create-many": async () => {
        const rows = newOrders(fresh(), 1000);
        const chunks = Array.from({ length: Math.ceil(rows.length / 25) }, (_, i) => rows.slice(i * 25, i * 25 + 25));
        await Promise.all(chunks.map((chunk) => batchPut(doc, chunk)));
        return 0;
      },
      transaction: async () => {
        const rows = newOrders(fresh(), 25);
        await doc.send(
          new TransactWriteCommand({
            TransactItems: rows.map((Item) => ({
              Put: { TableName: ORDERS_TABLE, Item, ConditionExpression: "attribute_not_exists(id)" },
            })),
          }),
        );
        return 0;
      },
    },
    close: async () => client.destroy(),
  };
}
