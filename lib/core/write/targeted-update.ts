import type { ModelMetadata } from "../metadata/model-metadata.js";
import { markPersisted, snapshotOf } from "../instance/instance-state.js";
import { writeKeyOf } from "../instance/stored-key.js";
import { buildUpdateAction } from "./update-action.js";
import type { UpdateParts, WriteAction } from "../engine/write-action.js";

/**
 * An UpdateItem of exactly `parts` on a persisted instance (soft delete, restore, increment);
 * other unsaved changes of the instance are left alone. `apply` updates the instance on commit.
 */
export function buildTargetedUpdate(
  model: ModelMetadata,
  instance: object,
  parts: UpdateParts,
  apply: (result?: Record<string, unknown>) => Record<string, unknown>,
): WriteAction {
  const key = writeKeyOf(model, instance);
  return buildUpdateAction(model, instance, key, parts, (result) => {
    const storedChanges = apply(result);
    const snapshot = { ...snapshotOf(instance), ...storedChanges };
    for (const column of parts.remove) delete snapshot[column];
    markPersisted(instance, snapshot);
  });
}
