import { Injectable } from "@nestjs/common";
import {
  currentTransaction,
  Dynamite,
  type JoiningPropagation,
  type TransactionContext,
  type TxOptions,
} from "../../core/index.js";
import { classForConnection } from "../common/connection-injectable.js";
import { DEFAULT_CONNECTION_NAME } from "../dynamite.constants.js";

/**
 * Runs code in a transaction from anywhere dependency injection reaches: cron jobs, queue consumers,
 * `onApplicationBootstrap`, scripts. Injectable by its class for the default connection, by
 * `getTransactionHostToken(name)` for a named one.
 * @example await this.host.withTransaction(() => this.orders.create(dto));
 */
@Injectable()
export class DynamiteTransactionHost {
  /** The connection this class is bound to (named subclasses come from `getTransactionHostToken`). */
  static readonly connectionName: string = DEFAULT_CONNECTION_NAME;

  constructor(readonly dynamite: Dynamite) {}

  /** The transaction open in the current async context, if any. */
  get tx(): TransactionContext | undefined {
    return currentTransaction();
  }

  /** True inside an open transaction. */
  isTransactionActive(): boolean {
    return currentTransaction() !== undefined;
  }

  /** `dynamite.tx(fn, options)` of this host's connection. */
  withTransaction<R>(fn: (tx: TransactionContext) => Promise<R>, options?: TxOptions<JoiningPropagation>): Promise<R>;
  withTransaction<R>(fn: (tx: TransactionContext | undefined) => Promise<R>, options?: TxOptions): Promise<R>;
  withTransaction<R>(fn: (tx: never) => Promise<R>, options?: TxOptions): Promise<R> {
    return this.dynamite.tx(fn as (tx: TransactionContext | undefined) => Promise<R>, options);
  }

  /** Publishes a domain event: delivered after the open transaction commits, dropped if it rolls back, at once outside one. */
  publish(event: object): Promise<void>;
  publish(name: string, payload?: unknown): Promise<void>;
  publish(nameOrEvent: string | object, payload?: unknown): Promise<void> {
    return typeof nameOrEvent === "string"
      ? this.dynamite.events.publish(nameOrEvent, payload)
      : this.dynamite.events.publish(nameOrEvent);
  }
}

/** The injectable host class of a connection. @example @Inject(getTransactionHostToken("analytics")) host: DynamiteTransactionHost */
export function getTransactionHostToken(name?: string): typeof DynamiteTransactionHost {
  return classForConnection(DynamiteTransactionHost, name);
}
