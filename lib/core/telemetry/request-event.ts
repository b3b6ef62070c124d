import { READ_COMMANDS, totalCapacity, type RequestFacts } from "./request-facts.js";

/** What the `onRequest` hook receives after each DynamoDB request an ORM operation sent. */
export interface RequestEvent {
  /** The ORM operation that sent it: `User.where`, `Order.create`, `tx`, `sync`, … */
  operation?: string;
  /** The DynamoDB operation: GetItem, BatchGetItem, Query, Scan, PutItem, TransactWriteItems, … */
  command: string;
  /** The model of the (first) table; the table name when no model maps to it. */
  model?: string;
  /** The tables the request touched, and their models (same order). */
  tables: string[];
  models: string[];
  index?: string;
  /** Reads only: the access plan (= `command`). */
  plan?: string;
  /** Items DynamoDB read (ScannedCount, or the items found by key). */
  itemsRead: number;
  /** Items DynamoDB sent back (after its filter). */
  itemsReturned: number;
  /** Capacity units DynamoDB reported; undefined when it reported none. */
  consumedCapacity?: number;
  /** Attempts the SDK made beyond the first. */
  retries: number;
  durationMs: number;
  transactionSize?: number;
  /** DynamoDB's code for each action of a cancelled transaction. */
  cancellationReasons?: string[];
  /** Keys or items a batch request left unprocessed. */
  unprocessed?: number;
  /** The SDK's error when the request failed. */
  error?: unknown;
}

/** Called after every request an ORM operation sends; an exception it throws goes to `warn`, never to the caller. */
export type RequestListener = (event: RequestEvent) => void;

/** The event of one request (pure). */
export function requestEvent(
  operation: string | undefined,
  facts: RequestFacts,
  models: string[],
  durationMs: number,
  error?: unknown,
): RequestEvent {
  const event: RequestEvent = {
    ...(operation !== undefined && { operation }),
    command: facts.command,
    model: models[0],
    tables: facts.tables,
    models,
    itemsRead: facts.itemsRead,
    itemsReturned: facts.itemsReturned,
    retries: facts.retries,
    durationMs,
  };
  if (facts.index !== undefined) event.index = facts.index;
  if (READ_COMMANDS.has(facts.command)) event.plan = facts.command;
  if (Object.keys(facts.capacity).length) event.consumedCapacity = totalCapacity(facts.capacity);
  if (facts.transactionSize !== undefined) event.transactionSize = facts.transactionSize;
  if (facts.cancellationReasons) event.cancellationReasons = facts.cancellationReasons;
  if (facts.unprocessed !== undefined) event.unprocessed = facts.unprocessed;
  if (error !== undefined) event.error = error;
  return event;
}
