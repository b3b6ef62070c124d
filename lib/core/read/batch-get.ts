import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { DEFAULT_RETRY_POLICY, backoffDelay, sleep, type RetryPolicy } from "../support/backoff.js";
import { BatchGetError } from "../errors/batch-errors.js";
import { chunk, mapConcurrent } from "../support/concurrency.js";
import { keyId } from "../item/item-key.js";

import { MAX_BATCH_GET_KEYS } from "../item/limits.js";

type Item = Record<string, unknown>;

export interface BatchGetOptions {
  consistentRead?: boolean;
  /** ProjectionExpression and its names (must include the key columns). */
  projection?: { expression: string; names: Record<string, string> };
  concurrency: number;
  retry?: RetryPolicy;
}

/** The BatchGetItem input of one chunk of keys (pure). */
export function buildBatchGetInput(model: ModelMetadata, keys: Item[], options: Omit<BatchGetOptions, "concurrency">) {
  return {
    RequestItems: {
      [model.tableName]: {
        Keys: keys,
        ConsistentRead: options.consistentRead,
        ...(options.projection && {
          ProjectionExpression: options.projection.expression,
          ExpressionAttributeNames: options.projection.names,
        }),
      },
    },
  };
}

/**
 * Reads items by stored keys: duplicates removed, 100 keys a request, requests concurrent with a
 * bound, UnprocessedKeys retried with backoff. Returns the found items by key id (see `keyId`).
 */
export async function batchGetItems(
  doc: DynamoDBDocumentClient,
  model: ModelMetadata,
  keys: Item[],
  options: BatchGetOptions,
): Promise<Map<string, Item>> {
  const unique = new Map<string, Item>();
  for (const key of keys) unique.set(keyId(model, key), key);
  const found = new Map<string, Item>();
  const chunks = chunk([...unique.values()], MAX_BATCH_GET_KEYS);
  await mapConcurrent(chunks, options.concurrency, async (part) => {
    for (const item of await getChunk(doc, model, part, options)) found.set(keyId(model, item), item);
  });
  return found;
}

async function getChunk(
  doc: DynamoDBDocumentClient,
  model: ModelMetadata,
  keys: Item[],
  options: BatchGetOptions,
): Promise<Item[]> {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const items: Item[] = [];
  let pending = keys;
  for (let attempt = 0; ; attempt++) {
    const output = await sendRequest(doc, "BatchGetItem", buildBatchGetInput(model, pending, options));
    items.push(...((output.Responses?.[model.tableName] ?? []) as Item[]));
    pending = (output.UnprocessedKeys?.[model.tableName]?.Keys ?? []) as Item[];
    if (!pending.length) return items;
    if (attempt + 1 >= policy.maxAttempts) {
      throw new BatchGetError(
        `${model.name}: DynamoDB left ${pending.length} key(s) unprocessed after ${policy.maxAttempts} BatchGetItem attempts ` +
          "(throttling?); retry later or raise the table's capacity.",
        model.name,
        pending,
      );
    }
    await sleep(backoffDelay(attempt, policy));
  }
}
