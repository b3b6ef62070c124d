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
export type { Filters, QueryOptions, IncludeSpec, IncludeOptions } from "./read/query-types.js";
export type { Page, PaginateOptions, QueryPlan } from "./read/read-types.js";
export type { CreateManyOptions } from "./write/create-many.js";
export type { PivotChange } from "./write/pivot-links.js";
export { TransactionContext, MAX_TRANSACTION_ACTIONS } from "./transaction/transaction-context.js";
export type { TransactionOptions, TransactionState } from "./transaction/transaction-context.js";
export { MAX_TRANSACTION_BYTES } from "./transaction/transaction-limits.js";
export type { TransactionReason } from "./errors/transaction-error.js";
export { currentTransaction } from "./transaction/current-transaction.js";
export type { WriteQueue } from "./engine/write-queue.js";
export { Propagation } from "./transaction/propagation.js";
export type { TxOptions, JoiningPropagation } from "./transaction/propagation.js";
export { DomainEvents } from "./transaction/domain-events.js";
export type { EventSink, PublishedEvent } from "./transaction/event-sink.js";
export type { SyncPlan, SchemaChange, SyncOptions } from "./schema/sync-plan.js";
export type { WriteOptions, TxOrWriteOptions } from "./write/write-options.js";
