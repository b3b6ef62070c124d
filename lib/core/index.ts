import "reflect-metadata";

export { Dynamite } from "./client/dynamite.js";
export type { DynamiteConfig } from "./client/dynamite.js";
export type { OnScan, EngineOptions } from "./client/client-options.js";
export { setGlobalClient, getGlobalClient, hasGlobalClient, requireClient } from "./client/global-client.js";
export { Table } from "./table/table.js";
export * from "./decorators/index.js";
export * from "./errors.js";
export type { CreationOptional, NonAttribute, InferAttributes, CreateInput, AttributeKeys, ModelClass } from "./types.js";
export type { Operator } from "./expression/condition.js";
export type { Filters, QueryOptions, IncludeSpec, IncludeOptions } from "./query/query-types.js";
export type { Page, PaginateOptions, QueryPlan } from "./query/pending-reads.js";
export { TransactionContext, MAX_TRANSACTION_ACTIONS } from "./transaction/transaction-context.js";
export type { TransactionOptions, TransactionState } from "./transaction/transaction-context.js";
export { MAX_TRANSACTION_BYTES } from "./transaction/transaction-limits.js";
export { TransactionError } from "./transaction/transaction-error.js";
export type { TransactionReason } from "./transaction/transaction-error.js";
export { currentTransaction } from "./transaction/transaction-scope.js";
