import { DYNAMO_LIMITS } from "../support/dynamo-limits.js";

// DynamoDB's request and item limits under the names the engine uses; the values come from the one
// table of named limits, support/dynamo-limits.ts (each checked before a request is sent).

/** One item: attribute names plus values, 400 KB. */
export const MAX_ITEM_BYTES = DYNAMO_LIMITS.itemBytes;

/** Keys in one BatchGetItem. */
export const MAX_BATCH_GET_KEYS = DYNAMO_LIMITS.batchGetKeys;

/** Requests in one BatchWriteItem. */
export const MAX_BATCH_WRITE_ITEMS = DYNAMO_LIMITS.batchWriteItems;

/** Actions in one TransactWriteItems (raised from 25 to 100 in 2022). */
export const MAX_TRANSACTION_ACTIONS = DYNAMO_LIMITS.transactionActions;

/** The aggregate size of the items of one transaction. */
export const MAX_TRANSACTION_BYTES = DYNAMO_LIMITS.transactionBytes;
