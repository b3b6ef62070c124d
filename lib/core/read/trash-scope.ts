import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { TrashScope } from "./query-types.js";

/** Soft-delete scope as a condition on the @DeleteAt column (none for withTrashed or plain models). */
export function trashCondition(model: ModelMetadata, scope: TrashScope): Condition | undefined {
  const deletedAt = model.timestampProperty("deletedAt");
  if (!deletedAt || scope === "withTrashed") return undefined;
  return { column: model.columnOf(deletedAt), op: scope === "onlyTrashed" ? "!=" : "=", value: null };
}
