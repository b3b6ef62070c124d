import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The parts of a Put/Update/Delete/ConditionCheck that DynamoDB needs (document-client form). */
export interface WriteParams {
  TableName: string;
  Key?: Record<string, unknown>;
  Item?: Record<string, unknown>;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

export type WriteType = "Put" | "Update" | "Delete" | "ConditionCheck";

/**
 * One write, built before anything is sent: sent alone, or queued into the open transaction.
 * `describe` says what a failed condition means (a ConflictError or NotFoundError to throw).
 */
export interface WriteAction {
  type: WriteType;
  model: ModelMetadata;
  /** The stored primary key of the item. */
  key: Record<string, unknown>;
  params: WriteParams;
  /** Builds the error to throw when the action's condition fails. */
  onConditionFailed: (cause: unknown, item?: Record<string, unknown>) => Error;
  /** Runs once the write is durable (alone: after the response; in a transaction: after commit). */
  onCommitted?: (result?: Record<string, unknown>) => void;
  /** The update's SET/REMOVE/ADD parts, kept so that a transaction can merge two updates of one item. */
  update?: UpdateParts;
  /** Ask for the item's new attributes (only honoured outside transactions). */
  returnValues?: "ALL_NEW" | "UPDATED_NEW";
}

/** An update in structured form (property values already in stored form, keyed by column). */
export interface UpdateParts {
  set: Record<string, unknown>;
  remove: string[];
  add: Record<string, number>;
  /** Extra conditions on the stored item (e.g. a version check, `stock >= 1`). */
  conditions: Condition[];
  /** Require the item to exist (no ghost rows). */
  mustExist: boolean;
}
