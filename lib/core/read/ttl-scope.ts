import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

/**
 * Hides items whose `@TTL()` time has passed: DynamoDB deletes them only eventually (typically
 * within days), so AWS advises filtering them out of reads. Items without the attribute stay visible.
 */
export function ttlCondition(model: ModelMetadata, nowMs = Date.now()): Condition | undefined {
  const ttl = model.ttlProperty();
  if (!ttl) return undefined;
  return { column: model.columnOf(ttl), op: ">", value: Math.floor(nowMs / 1000), orMissing: true };
}
