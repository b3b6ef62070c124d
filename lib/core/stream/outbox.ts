import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { _Record } from "@aws-sdk/client-dynamodb-streams";
import { documentClientFor } from "../engine/engine-context.js";
import { sendRequest } from "../engine/send-request.js";
import { ConfigError } from "../errors/index.js";
import type { DomainEvents } from "../transaction/domain-events.js";
import type { EventSink, PublishedEvent } from "../transaction/event-sink.js";
import { buildOutboxRow, eventOfRow } from "./outbox-row.js";
import { ensureOutboxTable } from "./outbox-table.js";
import { startPollers, type StreamPollingOptions } from "./stream-consumer.js";
import type { StreamPoller } from "./stream-poller.js";
import { imageToItem } from "./stream-image.js";

/** Options of an `Outbox`. */
export interface OutboxOptions {
  /** The outbox table, created when missing (default "dynamite_outbox"). */
  tableName?: string;
  /** How long published rows are kept before DynamoDB's TTL deletes them, in days (default 7). */
  retentionDays?: number;
  /** Event classes whose payloads the relay turns back into instances (matched by class name = event name). */
  eventClasses?: Function[];
}

/** Options of the relay that publishes the outbox. */
export interface OutboxRelayOptions extends StreamPollingOptions {
  /** Hands one event to the application's handlers; a throw retries it (nothing is marked published). */
  deliver: (event: PublishedEvent) => unknown;
}

/** What an outbox needs from the connection (a `Dynamite`). */
export interface OutboxSource {
  getClient(): DynamoDBClient;
  readonly events: DomainEvents;
}

export const DEFAULT_OUTBOX_TABLE = "dynamite_outbox";

/**
 * The transactional outbox of a connection: each domain event published in a transaction is written
 * as a Put in the same TransactWriteItems; the relay reads the outbox table's stream and delivers each
 * event once per event id (a row is marked published after its delivery), so an event survives a crash
 * between the commit and the publish.
 * @example const outbox = new Outbox(dynamite); await outbox.install(); await outbox.relay({ deliver }).start();
 */
export class Outbox {
  readonly tableName: string;
  private readonly retentionSeconds: number;
  private readonly eventClasses: Map<string, Function>;

  constructor(
    private readonly source: OutboxSource,
    options: OutboxOptions = {},
  ) {
    const { tableName = DEFAULT_OUTBOX_TABLE, retentionDays = 7, eventClasses = [] } = options;
    if (typeof tableName !== "string" || !/^[a-zA-Z0-9_.-]{3,255}$/.test(tableName)) {
      throw new ConfigError(
        `Outbox: tableName must be 3 to 255 letters, digits, '_', '-' or '.', not ${JSON.stringify(tableName)}`,
      );
    }
    if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
      throw new ConfigError(`Outbox: retentionDays must be a positive number, not ${retentionDays}`);
    }
    this.tableName = tableName;
    this.retentionSeconds = Math.round(retentionDays * 86_400);
    this.eventClasses = new Map(eventClasses.map((eventClass) => [eventClass.name, eventClass]));
  }

  /** Creates the outbox table (stream + TTL) when missing and adds the sink to `events`; returns the remover. */
  async install(): Promise<() => void> {
    await ensureOutboxTable(this.source.getClient(), this.tableName);
    return this.source.events.addSink(this.sink());
  }

  /** The sink: stages a Put into the event's transaction; an event published outside one is written at once. */
  sink(): EventSink {
    return {
      stage: (event, tx) => tx.addPut(this.tableName, { ...buildOutboxRow(event, new Date(), this.retentionSeconds) }),
      deliver: async (event) => {
        if (event.transaction) return; // staged: it committed with its transaction
        const row = buildOutboxRow(event, new Date(), this.retentionSeconds);
        await sendRequest(documentClientFor(this.source.getClient()), "PutItem", { TableName: this.tableName, Item: { ...row } });
      },
    };
  }

  /** A relay that publishes the outbox's new rows through `deliver`; `start()` it, `stop()` it on shutdown. */
  relay(options: OutboxRelayOptions): OutboxRelay {
    if (typeof options?.deliver !== "function") throw new ConfigError("Outbox relay needs a `deliver(event)` function");
    return new OutboxRelay(this.source.getClient(), this.tableName, this.eventClasses, options);
  }
}

/** Publishes outbox rows from the table's stream, once per event id. */
export class OutboxRelay {
  private pollers: StreamPoller[] = [];
  private closeStreams?: () => void;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly eventClasses: ReadonlyMap<string, Function>,
    private readonly options: OutboxRelayOptions,
  ) {}

  async start(): Promise<void> {
    if (this.pollers.length) return;
    const { pollers, stop } = await startPollers(this.client, { consumer: "outbox", ...this.options }, [
      { tableName: this.tableName, onRecord: (record) => this.publish(record) },
    ]);
    this.pollers = pollers;
    this.closeStreams = stop;
  }

  async stop(): Promise<void> {
    await Promise.all(this.pollers.map((poller) => poller.stop()));
    this.pollers = [];
    this.closeStreams?.();
    this.closeStreams = undefined;
  }

  /** Delivers a new row unless the table says it was published already, then marks it published. */
  private async publish(record: _Record): Promise<void> {
    if (record.eventName !== "INSERT" || !record.dynamodb?.NewImage) return;
    const id = String(imageToItem(record.dynamodb.NewImage as Record<string, unknown>).id);
    const doc = documentClientFor(this.client);
    const { Item: row } = await sendRequest(doc, "GetItem", { TableName: this.tableName, Key: { id }, ConsistentRead: true });
    if (!row || row.publishedAt) return; // expired, or delivered before a restart replayed the record
    await this.options.deliver(eventOfRow(row, this.eventClasses));
    await sendRequest(doc, "UpdateItem", {
      TableName: this.tableName,
      Key: { id },
      UpdateExpression: "SET #published = :now",
      ConditionExpression: "attribute_exists(#id) AND attribute_not_exists(#published)",
      ExpressionAttributeNames: { "#published": "publishedAt", "#id": "id" },
      ExpressionAttributeValues: { ":now": new Date().toISOString() },
    }).catch((error: unknown) => {
      if ((error as Error)?.name !== "ConditionalCheckFailedException") throw error;
    });
  }
}
