import "reflect-metadata";

export { Dynamite } from "./dynamite.js";
export type { DynamiteConfig } from "./dynamite.js";
export type { OnScan, EngineOptions } from "./engine/client-options.js";
export { setGlobalClient, getGlobalClient, hasGlobalClient, requireClient } from "./engine/global-client.js";
export { Table } from "./table.js";
export * from "./decorators/index.js";
export * from "./errors/index.js";
export type {
  CreationOptional,
  NonAttribute,
  InferAttributes,
  CreateInput,
  AttributeKeys,
  ModelClass,
  ConcreteModelClass,
} from "./metadata/model-types.js";
export type { Operator } from "./expression/condition.js";
export type { DollarOperator } from "./expression/operator-aliases.js";
export type { Filters, QueryOptions, IncludeSpec, IncludeOptions, ReadOrder } from "./read/query-types.js";
export type { Page, PaginateOptions, QueryPlan } from "./read/read-types.js";
export type { CreateManyOptions } from "./write/create-many.js";
export type { PivotChange } from "./write/pivot-links.js";
export { TransactionContext } from "./transaction/transaction-context.js";
export type { TransactionOptions, TransactionState } from "./transaction/transaction-context.js";
export { MAX_TRANSACTION_ACTIONS, MAX_TRANSACTION_BYTES } from "./item/limits.js";
export type { TransactionReason } from "./errors/transaction-error.js";
export { currentTransaction } from "./transaction/current-transaction.js";
export type { WriteQueue } from "./engine/write-queue.js";
export { Propagation } from "./transaction/propagation.js";
export type { TxOptions, JoiningPropagation } from "./transaction/propagation.js";
export { DomainEvents } from "./transaction/domain-events.js";
export type { EventSink, PublishedEvent } from "./transaction/event-sink.js";
export type { SyncPlan, SchemaChange, SyncOptions } from "./schema/sync-plan.js";
export type { WriteOptions, TxOrWriteOptions } from "./write/write-options.js";
export type { RequestEvent, RequestListener } from "./telemetry/request-event.js";
export type { RequestTotals, ModelTotals } from "./telemetry/request-totals.js";
export type { StreamViewType, StreamOption } from "./metadata/stream-view-type.js";
export type { ChangeRecord, ChangeType, ChangeKey } from "./stream/change-record.js";
export { isChangeOf } from "./stream/change-record.js";
export type { StreamRecordInput, StreamEventInput } from "./stream/stream-record-input.js";
export { parseStreamEvent } from "./stream/parse-stream-event.js";
export { createStreamHandler } from "./stream/stream-batch-handler.js";
export type { StreamBatchResponse, StreamHandlerOptions } from "./stream/stream-batch-handler.js";
export { StreamConsumer } from "./stream/stream-consumer.js";
export type { StreamConsumerOptions, StreamPollingOptions, StreamSource } from "./stream/stream-consumer.js";
export { DEFAULT_CHECKPOINT_TABLE } from "./stream/checkpoint-store.js";
export { Outbox, OutboxRelay, DEFAULT_OUTBOX_TABLE } from "./stream/outbox.js";
export type { OutboxOptions, OutboxRelayOptions, OutboxSource } from "./stream/outbox.js";
