import type { PublishedEvent } from "../transaction/event-sink.js";
import { OutboxError } from "../errors/index.js";

/** DynamoDB items stop at 400 KB; the rest of the row needs a little room. */
const MAX_PAYLOAD_BYTES = 390 * 1024;

/** A stored outbox row: the event, its payload as JSON, and when it may be forgotten (TTL). */
export interface OutboxRow {
  id: string;
  name: string;
  /** `JSON.stringify(payload)`: Dates, class instances and nested values survive as JSON does. */
  payload: string;
  transaction?: string;
  createdAt: string;
  /** Epoch seconds: DynamoDB's TTL deletes the row after the retention period. */
  expiresAt: number;
  /** Set once the relay has handed the event to every handler (the de-duplication mark). */
  publishedAt?: string;
}

/** The row that records `event` (pure; throws before anything is sent when the payload cannot be stored). */
export function buildOutboxRow(event: PublishedEvent, now: Date, retentionSeconds: number): OutboxRow {
  let payload: string | undefined;
  try {
    payload = JSON.stringify(event.payload ?? null);
  } catch (cause) {
    throw new OutboxError(
      `Outbox: the payload of event "${event.name}" cannot be written as JSON: ${(cause as Error).message}`,
      event,
      { cause },
    );
  }
  if (payload === undefined)
    throw new OutboxError(`Outbox: the payload of event "${event.name}" cannot be written as JSON`, event);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new OutboxError(
      `Outbox: the payload of event "${event.name}" is ${Buffer.byteLength(payload)} bytes of JSON; an outbox row holds at most ${MAX_PAYLOAD_BYTES}`,
      event,
    );
  }
  return {
    id: event.id,
    name: event.name,
    payload,
    ...(event.transaction && { transaction: event.transaction }),
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + retentionSeconds,
  };
}

/** The event a row records; a payload named after one of `eventClasses` becomes an instance of it again. */
export function eventOfRow(row: Record<string, unknown>, eventClasses: ReadonlyMap<string, Function>): PublishedEvent {
  const name = String(row.name);
  let payload = JSON.parse(String(row.payload)) as unknown;
  const eventClass = eventClasses.get(name);
  if (eventClass && payload && typeof payload === "object") {
    payload = Object.assign(Object.create(eventClass.prototype as object) as object, payload);
  }
  return { id: String(row.id), name, payload, ...(typeof row.transaction === "string" && { transaction: row.transaction }) };
}
