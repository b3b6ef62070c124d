import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The SDK input of a Put/Update/Delete/ConditionCheck (document-client form): what rendering produces. */
export interface WriteParams {
  TableName: string;
  Key?: Record<string, unknown>;
  Item?: Record<string, unknown>;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

export type WriteKind = "Put" | "Update" | "Delete" | "ConditionCheck";

/** An update in structured form (values already in stored form, keyed by column). */
export interface UpdateParts {
  set: Record<string, unknown>;
  remove: string[];
  add: Record<string, number>;
}

/**
 * What one write does to one item, as data: no expression text, no placeholders. Rendered to an
 * SDK input only when sent (`renderAction`), alone or in a TransactWriteItems.
 */
export interface ActionData {
  kind: WriteKind;
  table: string;
  /** The stored primary key of the item. */
  key: Record<string, unknown>;
  /** Put: the whole stored item. */
  item?: Record<string, unknown>;
  /** Update: the SET/REMOVE/ADD parts. */
  update?: UpdateParts;
  /**
   * What the stored item must satisfy before the write, all of them (AND). Row existence is a
   * condition on the partition key column: `!= null` (exists) or `= null` (absent).
   */
  conditions: Condition[];
}

/** One model write, built before anything is sent: sent alone, or queued into the open write queue. */
export interface WriteAction extends ActionData {
  model: ModelMetadata;
  /** The instance the write came from, when there is one (merging tells its own writes apart). */
  instance?: object;
  /** The optimistic-locking condition among `conditions`, when the write checks a version. */
  version?: Condition;
  /** Builds the error to throw when the action's condition fails (`item`: the stored item, when known). */
  onConditionFailed: (cause: unknown, item?: Record<string, unknown>) => Error;
  /** Runs once the write is durable (alone: after the response; in a transaction: after commit). */
  onCommitted?: (result?: Record<string, unknown>) => void;
  /** Ask for the item's new attributes (only honoured outside transactions). */
  returnValues?: "ALL_NEW" | "UPDATED_NEW";
}
