import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { TrashScope } from "./query-types.js";

/** Soft-delete scope as a condition on the @DeleteAt column (none for withTrashed or plain models). */
export function trashCondition(model: ModelMetadata, scope: TrashScope): Condition | undefined {
  const deletedAt = model.timestampProperty("deletedAt");
  if (!deletedAt || scope === "withTrashed") return undefined;
  return { column: model.columnOf(deletedAt), op: scope === "onlyTrashed" ? "!=" : "=", value: null };
}

/**
 * Hides items whose `@TTL()` time has passed: DynamoDB deletes them only eventually (typically
 * within days), so AWS advises filtering them out of reads. Items without the attribute stay visible.
 */
export function ttlCondition(model: ModelMetadata, nowMs = Date.now()): Condition | undefined {
  const ttl = model.ttlProperty();
  if (!ttl) return undefined;
  return { column: model.columnOf(ttl), op: ">", value: Math.floor(nowMs / 1000), orMissing: true };
}

/** The conditions a row must meet to be visible: the soft-delete scope and an unexpired TTL (reads and key updates). */
export function visibilityConditions(model: ModelMetadata, scope: TrashScope = "default"): Condition[] {
  return [trashCondition(model, scope), ttlCondition(model)].filter((condition) => condition !== undefined);
}
