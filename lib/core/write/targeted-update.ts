import type { ModelMetadata } from "../metadata/model-metadata.js";
import { markPersisted, snapshotOf } from "../table/instance-state.js";
import { attributeValues } from "../table/instance-data.js";
import { extractKey } from "../validation/validate-key.js";
import { addVersionToUpdate, versionStep, versionUpdateAction } from "../versioning/version-step.js";
import { buildUpdateParams } from "./build-write.js";
import type { UpdateParts, WriteAction } from "./write-action.js";
import { missingRowError } from "./write-errors.js";

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
  const key = extractKey(model, attributeValues(model, instance));
  const step = versionStep(model, instance);
  if (step) addVersionToUpdate(parts, step);
  const action: WriteAction = {
    type: "Update",
    model,
    key,
    params: buildUpdateParams(model, key, parts),
    update: parts,
    onConditionFailed: (cause) => missingRowError(model, key, cause),
    onCommitted: (result) => {
      const storedChanges = apply(result);
      const snapshot = { ...snapshotOf(instance), ...storedChanges };
      for (const column of parts.remove) delete snapshot[column];
      markPersisted(instance, snapshot);
    },
  };
  return step ? versionUpdateAction(model, instance, action, step) : action;
}
