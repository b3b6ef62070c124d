import type { TransactionContext } from "./transaction-context.js";

/** A domain event as sinks receive it. */
export interface PublishedEvent<P = unknown> {
  /** A random UUID, unique per publish (an outbox can key its row on it; listeners can de-duplicate). */
  readonly id: string;
  /** The name given to `publish(name, payload)`, or the class name of the event object. */
  readonly name: string;
  /** The event object, or the payload given with a name. */
  readonly payload: P;
  /** The ClientRequestToken of the transaction it was published in; undefined when published outside one. */
  readonly transaction?: string;
}

/**
 * Where published events go. `deliver` runs once the event is durable: after the transaction it
 * was published in commits (never when it rolls back), or at once outside a transaction. `stage`
 * runs at publish time inside a transaction and may queue writes into it, e.g. an outbox Put that
 * commits in the same TransactWriteItems as the business writes.
 * @example dynamite.events.addSink({ deliver: (event) => emitter.emit(event.name, event.payload) })
 */
export interface EventSink {
  stage?(event: PublishedEvent, tx: TransactionContext): void | Promise<void>;
  deliver?(event: PublishedEvent): unknown;
}
