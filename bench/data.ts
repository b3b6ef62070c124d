import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export const USERS_TABLE = "users";
export const ORDERS_TABLE = "orders";
export const EVENTS_TABLE = "events";
/** The GSI nestjs-dynamite derives for `User.orders` (HasMany on `user_id`); every contender queries it. */
export const ORDERS_BY_USER = "GSI1_user_id";
export const TIERS = ["gold", "silver", "bronze", "free"] as const;

/** The seeded data set, deterministic so that every contender reads the same rows. */
export interface Dataset {
  userIds: string[];
  /** The first 100 users: 5 orders each (the include scenario). */
  includeUserIds: string[];
  /** A user with exactly 50 orders (the GSI Query scenario). */
  bigUserId: string;
  eventStream: string;
  eventCount: number;
}

export function buildDataset(userCount: number, eventCount: number): Dataset {
  const userIds = Array.from({ length: userCount }, (_, i) => `user-${String(i).padStart(6, "0")}`);
  return { userIds, includeUserIds: userIds.slice(0, 100), bigUserId: userIds[100], eventStream: "stream-1", eventCount };
}

function userRow(id: string, i: number) {
  return { id, name: `User ${i}`, email: `user${i}@example.com`, tier: TIERS[i % TIERS.length], age: 20 + (i % 50) };
}

function* seedRows(data: Dataset): Generator<[string, Record<string, unknown>]> {
  for (const [i, id] of data.userIds.entries()) yield [USERS_TABLE, userRow(id, i)];
  for (const userId of data.includeUserIds) {
    for (let j = 0; j < 5; j++)
      yield [ORDERS_TABLE, { id: `order-${userId}-${j}`, user_id: userId, total: 10 * (j + 1), status: "paid" }];
  }
  for (let j = 0; j < 50; j++)
    yield [ORDERS_TABLE, { id: `order-${data.bigUserId}-${j}`, user_id: data.bigUserId, total: j, status: "paid" }];
  for (let seq = 0; seq < data.eventCount; seq++)
    yield [EVENTS_TABLE, { stream: data.eventStream, seq, kind: "tick", payload: `event ${seq}` }];
}

/** Writes the data set with BatchWriteItem (25 rows a request, 16 in flight), retrying unprocessed items. */
export async function seed(client: DynamoDBClient, data: Dataset): Promise<number> {
  const doc = DynamoDBDocumentClient.from(client);
  const batches: Array<Array<[string, Record<string, unknown>]>> = [];
  for (const row of seedRows(data)) {
    if (!batches.length || batches[batches.length - 1].length === 25) batches.push([]);
    batches[batches.length - 1].push(row);
  }
  const write = async (batch: Array<[string, Record<string, unknown>]>) => {
    let requestItems: Record<string, any> = {};
    for (const [table, item] of batch) (requestItems[table] ??= []).push({ PutRequest: { Item: item } });
    while (Object.keys(requestItems).length) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: requestItems }));
      requestItems = result.UnprocessedItems ?? {};
    }
  };
  for (let i = 0; i < batches.length; i += 16) await Promise.all(batches.slice(i, i + 16).map(write));
  return batches.reduce((sum, batch) => sum + batch.length, 0);
}

/** `n` new order rows for the write scenarios, ids unique per run/contender/iteration. */
export function newOrders(prefix: string, n: number): Array<{ id: string; user_id: string; total: number; status: string }> {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, user_id: `${prefix}-owner`, total: i, status: "new" }));
}

export function newUser(id: string) {
  return { id, name: "New User", email: `${id}@example.com`, tier: "free", age: 30 };
}
