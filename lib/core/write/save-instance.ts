import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toItem } from "../item/item-codec.js";
import { deepEqual } from "../support/deep-equal.js";
import { isPersisted, markPersisted, snapshotOf } from "../instance/instance-state.js";
import { attributeValues, nowIso } from "../instance/instance-data.js";
import { comparableSnapshot, showWritten } from "../instance/view-state.js";
import { hasHooks, runAfterHooks, runHooks } from "./run-hooks.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import { applyMutators, validateAttributes } from "../item/validate-attributes.js";
import { writeKeyOf } from "../instance/stored-key.js";
import { emptyUpdate, isEmptyUpdate } from "./build-write.js";
import { executeWrite } from "./execute-write.js";
import { insertInstance } from "./insert-instance.js";
import { buildUpdateAction } from "./update-action.js";
import type { UpdateParts, WriteAction } from "../engine/write-action.js";

/** Properties whose stored form differs from the last snapshot. */
export function changedProperties(model: ModelMetadata, instance: object): string[] {
  const snapshot = comparableSnapshot(model, snapshotOf(instance));
  const data = attributeValues(model, instance);
  const current = toItem(model, data);
  const columns = new Set([...Object.keys(current), ...Object.keys(snapshot)]);
  const changed: string[] = [];
  for (const column of columns) {
    // a NULL stored by another writer means absent, like null here: not a change
    const before = snapshot[column] === null ? undefined : snapshot[column];
    if (!deepEqual(current[column], before)) changed.push(model.propertyOfColumn(column));
  }
  return changed;
}

/** Turns the changed properties of an instance into SET/REMOVE parts (stored names and values). */
export function updatePartsOf(model: ModelMetadata, data: Record<string, unknown>, properties: string[]): UpdateParts {
  const parts = emptyUpdate();
  const item = toItem(model, data);
  for (const property of properties) {
    const column = model.columnOf(property);
    if (item[column] === undefined || item[column] === null) parts.remove.push(column);
    else parts.set[column] = item[column];
  }
  return parts;
}

/**
 * Prepares a persisted instance for its update, in place: the @UpdatedAt time and the mutators of
 * the changed attributes. False when nothing changed (then nothing is touched).
 */
export function prepareSave(model: ModelMetadata, instance: object): boolean {
  const target = instance as Record<string, unknown>;
  writeKeyOf(model, instance); // a reassigned key attribute is refused, never written elsewhere
  const changed = changedProperties(model, instance);
  if (!changed.length) return false;
  const updatedAt = model.timestampProperty("updatedAt");
  if (updatedAt && !changed.includes(updatedAt)) {
    target[updatedAt] = nowIso();
    changed.push(updatedAt);
  }
  applyMutators(model, target, changed, snapshotOf(instance));
  return true;
}

/**
 * The UpdateItem of a prepared instance's changes (only the changed attributes), or undefined
 * when nothing changed. Pure: the instance is not changed until the write is durable.
 */
export function buildSaveAction(model: ModelMetadata, instance: object): WriteAction | undefined {
  const changed = changedProperties(model, instance);
  if (!changed.length) return undefined;
  const data = attributeValues(model, instance);
  validateAttributes(model, data, changed, false, snapshotOf(instance));
  const key = writeKeyOf(model, instance);
  const parts = updatePartsOf(model, data, changed);
  if (isEmptyUpdate(parts)) return undefined;
  const item = toItem(model, data);
  return buildUpdateAction(model, instance, key, parts, () => {
    markPersisted(instance, item);
    showWritten(model, instance, item);
  });
}

/** Inserts a new instance, or sends only the changed attributes of a persisted one. */
export async function saveInstance(model: ModelMetadata, instance: object, txOrOptions?: TxOrWriteOptions): Promise<void> {
  if (!isPersisted(instance)) return insertInstance(model, instance, txOrOptions);
  writeKeyOf(model, instance); // a reassigned key is refused before any hook runs
  const { tx, hooks } = resolveWriteOptions(txOrOptions);
  const withHooks = hooks && (hasHooks(model, "beforeUpdate") || hasHooks(model, "afterUpdate"));
  if (withHooks) {
    const changes = changesOf(model, instance);
    if (!Object.keys(changes).length) return;
    await runHooks(model, instance, "beforeUpdate", changes);
  }
  const changes = withHooks ? changesOf(model, instance) : undefined;
  if (!prepareSave(model, instance)) return;
  const action = buildSaveAction(model, instance);
  if (!action) return;
  await executeWrite(action, tx);
  if (withHooks) await runAfterHooks(model, instance, "afterUpdate", tx, changes);
}

/** The changed attributes of an instance and their new values (what update hooks receive). */
function changesOf(model: ModelMetadata, instance: object): Record<string, unknown> {
  const values = instance as Record<string, unknown>;
  return Object.fromEntries(changedProperties(model, instance).map((property) => [property, values[property]]));
}
