import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { DEFAULT_RETRY_POLICY, backoffDelay, sleep, type RetryPolicy } from "./backoff.js";
import { chunk, mapConcurrent } from "./concurrency.js";
import { keyId } from "./item-key.js";

/** DynamoDB's limit of requests in one BatchWriteItem. */
export const MAX_BATCH_WRITE_ITEMS = 25;

type Item = Record<string, unknown>;

/** The BatchWriteItem input of one chunk of puts (pure). */
export function buildBatchPutInput(model: ModelMetadata, items: Item[]) {
  return { RequestItems: { [model.tableName]: items.map((Item) => ({ PutRequest: { Item } })) } };
}

/**
 * Puts items 25 a request, requests concurrent with a bound, UnprocessedItems retried with
 * exponential backoff and jitter. Returns the key ids (see `keyId`) of the items never written.
 */
export async function batchPutItems(
  doc: DynamoDBDocumentClient,
  model: ModelMetadata,
  items: Item[],
  concurrency: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<Set<string>> {
  const unwritten = new Set<string>();
  await mapConcurrent(chunk(items, MAX_BATCH_WRITE_ITEMS), concurrency, async (part) => {
    for (const item of await putChunk(doc, model, part, policy)) unwritten.add(keyId(model, item));
  });
  return unwritten;
}

async function putChunk(doc: DynamoDBDocumentClient, model: ModelMetadata, items: Item[], policy: RetryPolicy): Promise<Item[]> {
  let pending = items;
  for (let attempt = 0; ; attempt++) {
    const output = await doc.send(new BatchWriteCommand(buildBatchPutInput(model, pending)));
    const left = output.UnprocessedItems?.[model.tableName] ?? [];
    pending = left.map((request) => request.PutRequest?.Item as Item).filter(Boolean);
    if (!pending.length || attempt + 1 >= policy.maxAttempts) return pending;
    await sleep(backoffDelay(attempt, policy));
  }
}
