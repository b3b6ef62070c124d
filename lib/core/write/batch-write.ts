import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { DEFAULT_RETRY_POLICY, backoffDelay, sleep, type RetryPolicy } from "../support/backoff.js";
import { chunk, mapConcurrent } from "../support/concurrency.js";
import { keyId } from "../item/item-key.js";

import { MAX_BATCH_WRITE_ITEMS } from "../item/limits.js";

type Item = Record<string, unknown>;

/** The BatchWriteItem input of one chunk of puts (pure). */
export function buildBatchPutInput(model: ModelMetadata, items: Item[]) {
  return { RequestItems: { [model.tableName]: items.map((Item) => ({ PutRequest: { Item } })) } };
}

/** What a batch put could not confirm. */
export interface BatchPutOutcome {
  /** Key ids (see `keyId`) of the items not written, or not known to be written. */
  unwritten: Set<string>;
  /** Among them, the items of a request that failed without an answer: they may have been written. */
  unconfirmed: Set<string>;
  /** The first request error (connection lost, exhausted SDK retries…), if any. */
  error?: unknown;
}

/**
 * Puts items 25 a request, requests concurrent with a bound, UnprocessedItems retried with
 * exponential backoff and jitter. After a request fails, no further request is started (the
 * endpoint is likely down) and every item not confirmed written is reported; the call resolves
 * only once no request of it is in flight, so nothing is written after the caller hears of it.
 */
export async function batchPutItems(
  doc: DynamoDBDocumentClient,
  model: ModelMetadata,
  items: Item[],
  concurrency: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<BatchPutOutcome> {
  const outcome: BatchPutOutcome = { unwritten: new Set(), unconfirmed: new Set() };
  const report = (list: Item[], into: Set<string>) => list.forEach((item) => into.add(keyId(model, item)));
  await mapConcurrent(chunk(items, MAX_BATCH_WRITE_ITEMS), concurrency, async (part) => {
    if (outcome.error !== undefined) return report(part, outcome.unwritten);
    const result = await putChunk(doc, model, part, policy);
    report(result.pending, outcome.unwritten);
    if (result.error === undefined) return;
    outcome.error ??= result.error;
    report(result.pending, outcome.unconfirmed);
  });
  return outcome;
}

/** Sends one chunk until DynamoDB processed it all or the attempts run out; `pending` is what was not confirmed. */
async function putChunk(doc: DynamoDBDocumentClient, model: ModelMetadata, items: Item[], policy: RetryPolicy) {
  let pending = items;
  for (let attempt = 0; ; attempt++) {
    let output;
    try {
      output = await sendRequest(doc, "BatchWriteItem", buildBatchPutInput(model, pending));
    } catch (error) {
      return { pending, error };
    }
    const left = output.UnprocessedItems?.[model.tableName] ?? [];
    pending = left.map((request) => request.PutRequest?.Item as Item).filter(Boolean);
    if (!pending.length || attempt + 1 >= policy.maxAttempts) return { pending };
    await sleep(backoffDelay(attempt, policy));
  }
}
