import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import { ModuleRef } from "@nestjs/core";
import {
  createStreamHandler,
  Outbox,
  StreamConsumer,
  type ChangeRecord,
  type Dynamite,
  type OutboxRelay,
  type StreamBatchResponse,
  type StreamEventInput,
  type StreamPollingOptions,
} from "../../core/index.js";
import { getDynamiteToken } from "../common/dynamite.utils.js";
import type { DynamiteStreamModuleOptions } from "./dynamite-stream-options.interface.js";
import { wants } from "./on-table-change.decorator.js";
import { nestEventSink } from "../events/nest-event-sink.js";
import { getEventSinkToken } from "../transaction/transaction.providers.js";
import { TableChangeExplorer, type TableChangeHandler } from "./table-change.explorer.js";

export const DYNAMITE_STREAM_OPTIONS = "DynamiteStreamModuleOptions";

const pollingOf = (poll: DynamiteStreamModuleOptions["poll"]): StreamPollingOptions | undefined =>
  poll === true ? {} : poll || undefined;

/**
 * Routes table changes to the `@OnTableChange` handlers: from its own pollers (option `poll`) or from a
 * Lambda event (`handleLambdaEvent`). Owns the outbox when enabled. Stops everything on shutdown.
 */
@Injectable()
export class DynamiteStreams implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger("DynamiteStreams");
  private handlers: TableChangeHandler[] = [];
  private consumer?: StreamConsumer;
  private relay?: OutboxRelay;
  private removeOutboxSink?: () => void;

  constructor(
    @Inject(DYNAMITE_STREAM_OPTIONS) private readonly options: DynamiteStreamModuleOptions,
    private readonly explorer: TableChangeExplorer,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Installs the outbox first, so events published by other modules' startup hooks are staged too, and
   * takes the connection's direct after-commit delivery away: the relay delivers each event instead.
   */
  async onModuleInit(): Promise<void> {
    this.handlers = this.explorer.handlers();
    if (!this.options.outbox) return;
    const outbox = new Outbox(this.dynamite(), this.options.outbox === true ? {} : this.options.outbox);
    this.removeOutboxSink = await outbox.install();
    const removeDirectDelivery = this.moduleRef.get<() => void>(getEventSinkToken(this.options.connection), { strict: false });
    removeDirectDelivery();
  }

  async onApplicationBootstrap(): Promise<void> {
    const polling = pollingOf(this.options.poll);
    if (!polling) return;
    const onError =
      polling.onError ??
      ((error: unknown, table: string) =>
        this.logger.error(`Stream of ${table}: ${(error as Error)?.message ?? String(error)}`, (error as Error)?.stack));
    const models = [...new Set(this.handlers.map((handler) => handler.model))];
    try {
      if (models.length) {
        this.consumer = new StreamConsumer(this.dynamite(), {
          ...polling,
          onError,
          models,
          onChange: (change) => this.dispatch(change),
        });
        await this.consumer.start();
      }
      if (this.options.outbox) {
        const settings = this.options.outbox === true ? {} : this.options.outbox;
        const deliver = settings.deliver ?? nestEventSink(this.moduleRef).deliver!;
        this.relay = new Outbox(this.dynamite(), settings).relay({ ...polling, onError, deliver });
        await this.relay.start();
      }
    } catch (error) {
      await this.onModuleDestroy();
      throw error;
    }
  }

  /** Stops the pollers after the change being handled (its checkpoint saved) and removes the outbox sink. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.consumer?.stop(), this.relay?.stop()]);
    this.consumer = undefined;
    this.relay = undefined;
    this.removeOutboxSink?.();
    this.removeOutboxSink = undefined;
  }

  /** Hands one change to every handler that wants it, in discovery order; the first failure rejects (the change is retried). */
  async dispatch(change: ChangeRecord): Promise<void> {
    for (const handler of this.handlers) if (wants(handler, change)) await handler.call(change);
  }

  /**
   * A Lambda entry point: dispatches the event's records in order and returns Lambda's partial batch response.
   * @example export const handler = async (event) => (await app).get(DynamiteStreams).handleLambdaEvent(event);
   */
  handleLambdaEvent(event: StreamEventInput): Promise<StreamBatchResponse> {
    const models = [...new Set(this.handlers.map((handler) => handler.model))];
    if (!models.length) return Promise.resolve({ batchItemFailures: [] });
    const onError = (error: unknown) => this.logger.error(`Stream handler failed: ${(error as Error)?.message ?? String(error)}`);
    return createStreamHandler(models, (change) => this.dispatch(change), { onError })(event);
  }

  private dynamite(): Dynamite {
    return this.moduleRef.get<Dynamite>(getDynamiteToken(this.options.connection) as never, { strict: false });
  }
}
