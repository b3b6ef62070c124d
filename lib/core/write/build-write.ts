import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { UpdateParts } from "../engine/write-action.js";

/** The condition "the row exists" (`attribute_exists` on the partition key). */
export function rowExists(model: ModelMetadata): Condition {
  return { column: model.columnOf(model.partitionKey!), op: "!=", value: null };
}

/** The condition "no row has this key" (`attribute_not_exists` on the partition key): a create never overwrites. */
export function rowAbsent(model: ModelMetadata): Condition {
  return { column: model.columnOf(model.partitionKey!), op: "=", value: null };
}

/** An empty set of update parts. */
export function emptyUpdate(): UpdateParts {
  return { set: {}, remove: [], add: {} };
}

/** True when the parts change nothing. */
export function isEmptyUpdate(parts: UpdateParts): boolean {
  return !Object.keys(parts.set).length && !parts.remove.length && !Object.keys(parts.add).length;
}
