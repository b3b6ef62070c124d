import { ConfigError } from "../errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { markGone } from "../table/instance-state.js";
import { attributeValues, nowIso } from "../table/instance-data.js";
import type { TransactionContext } from "../transaction/transaction-context.js";
import { extractKey } from "../validation/validate-key.js";
import { buildDeleteParams, emptyUpdate } from "./build-write.js";
import { executeWrite } from "./execute-write.js";
import { buildTargetedUpdate } from "./targeted-update.js";
import type { WriteAction } from "./write-action.js";
import { missingRowError } from "./write-errors.js";

/** Hard delete of the instance's row. */
export function buildDeleteAction(model: ModelMetadata, instance: object): WriteAction {
  const key = extractKey(model, attributeValues(model, instance));
  return {
    type: "Delete",
    model,
    key,
    params: buildDeleteParams(model, key),
    onConditionFailed: (cause) => missingRowError(model, key, cause),
    onCommitted: () => markGone(instance),
  };
}

/** Soft delete (sets the @DeleteAt timestamp) when the model has one, else a hard delete. */
export function buildDestroyAction(model: ModelMetadata, instance: object): WriteAction {
  const deletedAt = model.timestampProperty("deletedAt");
  if (!deletedAt) return buildDeleteAction(model, instance);
  const now = nowIso();
  const parts = emptyUpdate();
  parts.set[model.columnOf(deletedAt)] = now;
  return buildTargetedUpdate(model, instance, parts, () => {
    (instance as Record<string, unknown>)[deletedAt] = now;
    return { [model.columnOf(deletedAt)]: now };
  });
}

/** Clears the @DeleteAt timestamp of a soft-deleted row. */
export function buildRestoreAction(model: ModelMetadata, instance: object): WriteAction {
  const deletedAt = model.timestampProperty("deletedAt");
  if (!deletedAt) {
    throw new ConfigError(`${model.name} has no @DeleteAt() attribute, so its rows cannot be restored`);
  }
  const parts = emptyUpdate();
  parts.remove.push(model.columnOf(deletedAt));
  return buildTargetedUpdate(model, instance, parts, () => {
    delete (instance as Record<string, unknown>)[deletedAt];
    return {};
  });
}

export async function destroyInstance(model: ModelMetadata, instance: object, tx?: TransactionContext): Promise<void> {
  await executeWrite(buildDestroyAction(model, instance), tx);
}

export async function forceDestroyInstance(model: ModelMetadata, instance: object, tx?: TransactionContext): Promise<void> {
  await executeWrite(buildDeleteAction(model, instance), tx);
}

export async function restoreInstance(model: ModelMetadata, instance: object, tx?: TransactionContext): Promise<void> {
  await executeWrite(buildRestoreAction(model, instance), tx);
}
