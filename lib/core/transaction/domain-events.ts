import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { runWithoutWriteScope } from "../engine/write-scope.js";
import { ConfigError, DynamiteError } from "../errors/core-errors.js";
import { currentTransaction } from "./current-transaction.js";
import type { EventSink, PublishedEvent } from "./event-sink.js";

/** What the event hub of a connection needs from it. */
export interface DomainEventsOptions {
  /** The connection's document client, when connected (a sink stages writes only into its own connection's transactions). */
  documentClient: () => DynamoDBDocumentClient | undefined;
  /** Called when a sink fails to deliver: the commit already happened, so the error is reported, not thrown. */
  onError: (error: unknown, event: PublishedEvent) => void;
}

function nameOf(nameOrEvent: unknown): string {
  if (typeof nameOrEvent === "string") {
    if (nameOrEvent.trim()) return nameOrEvent;
    throw new DynamiteError("publish(name, payload) needs a non-empty event name");
  }
  if (nameOrEvent === null || typeof nameOrEvent !== "object") {
    throw new DynamiteError(`publish() takes an event object or a name and a payload, not ${String(nameOrEvent)}`);
  }
  const className = (nameOrEvent as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof className === "string" && className && className !== "Object") return className;
  throw new DynamiteError(
    'publish() of a plain object needs a name: publish("order.placed", payload), or publish a class instance',
  );
}

/**
 * The domain events of one connection (`dynamite.events`). Published inside a transaction, an event
 * is delivered to the sinks after the commit succeeds and dropped if the transaction rolls back;
 * outside a transaction it is delivered at once. Sinks run with no ambient transaction.
 */
export class DomainEvents {
  private readonly sinks: EventSink[] = [];

  constructor(private readonly options: DomainEventsOptions) {}

  /** Adds a sink; returns the function that removes it. */
  addSink(sink: EventSink): () => void {
    if (!sink || (typeof sink.deliver !== "function" && typeof sink.stage !== "function")) {
      throw new ConfigError("addSink(sink) needs an object with a deliver(event) or stage(event, tx) method");
    }
    this.sinks.push(sink);
    return () => {
      const index = this.sinks.indexOf(sink);
      if (index >= 0) this.sinks.splice(index, 1);
    };
  }

  /**
   * Publishes an event object (named after its class) or a named payload. Resolves once the event is
   * queued in the open transaction, or delivered when there is none.
   * @example await dynamite.events.publish(new OrderPlaced(order.id));
   */
  publish(event: object): Promise<void>;
  publish(name: string, payload?: unknown): Promise<void>;
  async publish(nameOrEvent: string | object, payload?: unknown): Promise<void> {
    const name = nameOf(nameOrEvent);
    const body = typeof nameOrEvent === "string" ? payload : nameOrEvent;
    const tx = currentTransaction();
    if (!tx) return this.deliver({ id: randomUUID(), name, payload: body });
    const event: PublishedEvent = { id: randomUUID(), name, payload: body, transaction: tx.token };
    const staging = this.sinks.filter((sink) => typeof sink.stage === "function");
    if (staging.length && tx.documentClient !== this.options.documentClient()) {
      throw new ConfigError(
        `Event "${name}" was published inside a transaction of another connection; an event sink stages writes only into its own connection's transactions`,
      );
    }
    for (const sink of staging) await sink.stage!(event, tx);
    tx.afterCommit(() => this.deliver(event));
  }

  /** Hands the event to every sink, outside any transaction; a failing sink is reported and does not stop the others. */
  private deliver(event: PublishedEvent): Promise<void> {
    return runWithoutWriteScope(async () => {
      for (const sink of this.sinks.slice()) {
        if (typeof sink.deliver !== "function") continue;
        try {
          await sink.deliver(event);
        } catch (error) {
          this.options.onError(error, event);
        }
      }
    });
  }
}
