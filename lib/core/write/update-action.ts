import type { Condition } from "../expression/condition.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { UpdateParts, WriteAction } from "../engine/write-action.js";
import { missingRowError } from "../errors/write-errors.js";
import { rowExists } from "./build-write.js";
import { versionCondition, versionStep, versionUpdateAction, withVersion } from "./version-step.js";

/**
 * The UpdateItem action of `parts` on an existing row (a missing row is a NotFoundError), with
 * `extra` conditions; with an instance of a `@Version()` model it checks the expected version and
 * increments it. Pure: nothing is changed until `onCommitted` runs.
 */
export function buildUpdateAction(
  model: ModelMetadata,
  instance: object | undefined,
  key: Record<string, unknown>,
  parts: UpdateParts,
  onCommitted: WriteAction["onCommitted"],
  extra: Condition[] = [],
): WriteAction {
  const step = instance && versionStep(model, instance);
  const version = step ? versionCondition(step) : undefined;
  const action: WriteAction = {
    kind: "Update",
    model,
    table: model.tableName,
    key,
    update: step ? withVersion(parts, step) : parts,
    conditions: [rowExists(model), ...extra, ...(version ? [version] : [])],
    instance,
    version,
    onConditionFailed: (cause) => missingRowError(model, key, cause),
    onCommitted,
  };
  return step ? versionUpdateAction(model, instance!, action, step) : action;
}
