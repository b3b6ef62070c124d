import type { ModelMetadata } from "../metadata/model-metadata.js";
import { addVersionToUpdate, versionStep, versionUpdateAction } from "./version-step.js";
import { buildUpdateParams } from "./build-write.js";
import type { UpdateParts, WriteAction } from "../engine/write-action.js";
import { missingRowError } from "../errors/write-errors.js";

/**
 * The UpdateItem action of `parts` on a row: a missing row is a NotFoundError, and with an
 * instance of a `@Version()` model the update checks the expected version and increments it.
 */
export function buildUpdateAction(
  model: ModelMetadata,
  instance: object | undefined,
  key: Record<string, unknown>,
  parts: UpdateParts,
  onCommitted: WriteAction["onCommitted"],
): WriteAction {
  const step = instance && versionStep(model, instance);
  if (step) addVersionToUpdate(parts, step);
  const action: WriteAction = {
    type: "Update",
    model,
    key,
    params: buildUpdateParams(model, key, parts),
    update: parts,
    onConditionFailed: (cause) => missingRowError(model, key, cause),
    onCommitted,
  };
  return step ? versionUpdateAction(model, instance!, action, step) : action;
}
