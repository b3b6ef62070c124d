import type { OutboxOptions, PublishedEvent, StreamPollingOptions } from "../../core/index.js";

/** Options of the outbox in a Nest app. */
export interface DynamiteOutboxModuleOptions extends OutboxOptions {
  /**
   * Hands a relayed event to the app's handlers. Default: what the connection does after a commit without
   * the outbox: `@nestjs/event-emitter`'s `emitAsync(name, payload)` and the `@nestjs/cqrs` EventBus (class
   * payloads: list their classes in `eventClasses`). Give `@OnEvent` handlers `{ suppressErrors: false }` so a failure is retried.
   */
  deliver?: (event: PublishedEvent) => unknown;
}

/** Options of `DynamiteStreamModule.forRoot()`. */
export interface DynamiteStreamModuleOptions {
  /** The connection whose tables are read (default: the default connection). */
  connection?: string;
  /**
   * Poll the streams of every model with an `@OnTableChange` handler, and the outbox, keeping checkpoints
   * in a table (for development and self-hosted apps). Off: feed Lambda events to `DynamiteStreams.handleLambdaEvent`.
   */
  poll?: boolean | StreamPollingOptions;
  /** Write the connection's domain events to an outbox table in the same TransactWriteItems, and relay them (with `poll`). */
  outbox?: boolean | DynamiteOutboxModuleOptions;
}
