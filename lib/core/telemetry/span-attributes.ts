import type { Operation } from "./operation.js";
import { READ_COMMANDS, totalCapacity, type RequestFacts } from "./request-facts.js";

/** A span attribute value (the OpenTelemetry API's primitive and array values). */
export type AttributeValue = string | number | boolean | string[];
export type Attributes = Record<string, AttributeValue>;

/** `db.system.name` of DynamoDB in the OpenTelemetry database semantic conventions. */
export const DB_SYSTEM = "aws.dynamodb";

/** The span name of a request: `Query users`, or the operation alone when it touched several tables. */
export function requestSpanName(command: string, tables: string[]): string {
  return tables.length === 1 ? `${command} ${tables[0]}` : command;
}

/** Attributes of one request's span (pure): semantic conventions first, then `dynamite.*`. */
export function requestAttributes(facts: RequestFacts, models: string[]): Attributes {
  const attributes: Attributes = { "db.system.name": DB_SYSTEM, "db.operation.name": facts.command };
  if (facts.tables.length === 1) attributes["db.collection.name"] = facts.tables[0];
  if (facts.tables.length) attributes["aws.dynamodb.table_names"] = facts.tables;
  if (facts.index !== undefined) attributes["aws.dynamodb.index_name"] = facts.index;
  if (models.length === 1) attributes["dynamite.model"] = models[0];
  else if (models.length > 1) attributes["dynamite.model"] = models;
  if (READ_COMMANDS.has(facts.command)) {
    attributes["dynamite.plan"] = facts.command;
    attributes["dynamite.items_read"] = facts.itemsRead;
    attributes["dynamite.items_returned"] = facts.itemsReturned;
  }
  if (Object.keys(facts.capacity).length) attributes["dynamite.consumed_capacity"] = totalCapacity(facts.capacity);
  attributes["dynamite.retries"] = facts.retries;
  if (facts.transactionSize !== undefined) attributes["dynamite.transaction.size"] = facts.transactionSize;
  if (facts.cancellationReasons) attributes["dynamite.transaction.cancellation_reasons"] = facts.cancellationReasons;
  if (facts.unprocessed !== undefined) attributes["dynamite.unprocessed"] = facts.unprocessed;
  return attributes;
}

/** Attributes of an ORM operation's span (pure), once it ended; `returned` only for reads. */
export function operationAttributes(operation: Operation, table: string | undefined, returned?: number): Attributes {
  const attributes: Attributes = { "db.system.name": DB_SYSTEM, "dynamite.operation": operation.action };
  if (operation.model) attributes["dynamite.model"] = operation.model.name;
  if (table !== undefined) attributes["db.collection.name"] = table;
  if (operation.plan !== undefined) attributes["dynamite.plan"] = operation.plan;
  if (operation.index !== undefined) attributes["aws.dynamodb.index_name"] = operation.index;
  attributes["dynamite.requests"] = operation.requests;
  if (operation.pages) attributes["dynamite.pages"] = operation.pages;
  if (operation.plan !== undefined || operation.itemsRead) attributes["dynamite.items_read"] = operation.itemsRead;
  if (returned !== undefined) attributes["dynamite.items_returned"] = returned;
  if (operation.capacityReported) attributes["dynamite.consumed_capacity"] = operation.capacity;
  attributes["dynamite.retries"] = operation.retries;
  if (operation.transactionSize !== undefined) attributes["dynamite.transaction.size"] = operation.transactionSize;
  if (operation.cancellationReasons) {
    attributes["dynamite.transaction.cancellation_reasons"] = operation.cancellationReasons;
  }
  return attributes;
}
