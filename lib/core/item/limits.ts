// DynamoDB's request and item limits, in one place (each checked before a request is sent).

/** One item: attribute names plus values, 400 KB. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** Keys in one BatchGetItem. */
export const MAX_BATCH_GET_KEYS = 100;

/** Requests in one BatchWriteItem. */
export const MAX_BATCH_WRITE_ITEMS = 25;

/** Actions in one TransactWriteItems (raised from 25 to 100 in 2022). */
export const MAX_TRANSACTION_ACTIONS = 100;

/** The aggregate size of the items of one transaction. */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
