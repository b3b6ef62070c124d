import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { markGone } from "../instance/instance-state.js";
import { nowIso } from "../instance/instance-data.js";
import { writeKeyOf } from "../instance/stored-key.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { runAfterHooks, runHooks } from "./run-hooks.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import { versionCondition, versionConflict, versionStep } from "./version-step.js";
import { emptyUpdate, rowExists } from "./build-write.js";
import { executeWrite } from "./execute-write.js";
import { buildTargetedUpdate } from "./targeted-update.js";
import type { WriteAction } from "../engine/write-action.js";
import { missingRowError } from "../errors/write-errors.js";

/**
 * Hard delete of the instance's row (the key it was loaded or inserted with). A row that is gone
 * is a NotFoundError, as for an update, unless `mustExist` is false (a link that is already gone).
 */
export function buildDeleteAction(model: ModelMetadata, instance: object, mustExist = true): WriteAction {
  const key = writeKeyOf(model, instance);
  const step = versionStep(model, instance);
  // a stale instance must not delete a row someone else changed since it was read
  const version = step && versionCondition(step);
  return {
    kind: "Delete",
    model,
    table: model.tableName,
    key,
    conditions: version ? [version] : mustExist ? [rowExists(model)] : [],
    instance,
    version,
    onConditionFailed: (cause, item) =>
      step ? versionConflict(model, key, step, cause, item) : missingRowError(model, key, cause),
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

export async function destroyInstance(model: ModelMetadata, instance: object, txOrOptions?: TxOrWriteOptions): Promise<void> {
  await withDestroyHooks(model, instance, txOrOptions, () => buildDestroyAction(model, instance));
}

export async function forceDestroyInstance(
  model: ModelMetadata,
  instance: object,
  txOrOptions?: TxOrWriteOptions,
): Promise<void> {
  await withDestroyHooks(model, instance, txOrOptions, () => buildDeleteAction(model, instance));
}

async function withDestroyHooks(
  model: ModelMetadata,
  instance: object,
  txOrOptions: TxOrWriteOptions | undefined,
  build: () => WriteAction,
) {
  const { tx, hooks } = resolveWriteOptions(txOrOptions);
  if (hooks) await runHooks(model, instance, "beforeDestroy");
  await executeWrite(build(), tx);
  if (hooks) await runAfterHooks(model, instance, "afterDestroy", tx);
}

export async function restoreInstance(model: ModelMetadata, instance: object, tx?: WriteQueue): Promise<void> {
  await executeWrite(buildRestoreAction(model, instance), tx);
}
