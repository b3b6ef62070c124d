import type { ModelMetadata } from "../metadata/model-metadata.js";
import { adoptSnapshot } from "../instance/instance-state.js";
import { applyDefaultValues } from "../instance/construction-defaults.js";
import { attributeValues } from "../instance/instance-data.js";
import { showWritten } from "../instance/view-state.js";
import { hasHooks, runAfterHooks, runHooks } from "./run-hooks.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import { applyMutators, validateAttributes } from "../item/validate-attributes.js";
import { extractKey } from "../item/validate-key.js";
import { rowAbsent } from "./build-write.js";
import { executeWrite } from "./execute-write.js";
import type { WriteAction } from "../engine/write-action.js";
import { duplicateKeyError } from "../errors/write-errors.js";

/** Fills defaults, a generated string key and creation timestamps (only where undefined); a @Version starts at 1. */
export function applyCreationDefaults(model: ModelMetadata, instance: Record<string, unknown>): void {
  for (const [property, attribute] of model.attributes) if (attribute.version) instance[property] = 1;
  applyDefaultValues(model, instance);
}

/** Prepares a new instance for its insert, in place: defaults, creation timestamps, version 1, mutators. */
export function prepareInsert(model: ModelMetadata, instance: Record<string, unknown>): void {
  applyCreationDefaults(model, instance);
  const mutated = model.derived("mutatedProperties", mutatedProperties);
  if (mutated.length) applyMutators(model, instance, mutated);
}

/** The attributes with `@Mutate`/`@Set` functions (the only ones `applyMutators` changes). */
function mutatedProperties(model: ModelMetadata): string[] {
  return [...model.attributes.values()].filter((attribute) => attribute.mutators.length).map((attribute) => attribute.property);
}

/** The never-overwriting Put of a prepared instance, after validation (pure: the instance is not changed). */
export function buildInsertAction(model: ModelMetadata, instance: Record<string, unknown>): WriteAction {
  const data = attributeValues(model, instance);
  const item = validateAttributes(model, data, Object.keys(data), true);
  const key = extractKey(model, data);
  return {
    kind: "Put",
    model,
    table: model.tableName,
    key,
    item,
    conditions: [rowAbsent(model)],
    instance,
    onConditionFailed: (cause) => duplicateKeyError(model, key, cause),
    onCommitted: () => {
      adoptSnapshot(instance, item); // built here for this write; nothing changes it after

      showWritten(model, instance, item);
    },
  };
}

/** Inserts a new instance; before-create hooks see the defaults and may change it or throw (nothing written). */
export async function insertInstance(model: ModelMetadata, instance: object, txOrOptions?: TxOrWriteOptions): Promise<void> {
  const { tx, hooks } = resolveWriteOptions(txOrOptions);
  const target = instance as Record<string, unknown>;
  // no hook of an event: no await for it (each await is promises, which an enabled AsyncLocalStorage taxes)
  if (hooks && hasHooks(model, "beforeCreate")) {
    applyCreationDefaults(model, target);
    await runHooks(model, instance, "beforeCreate");
  }
  prepareInsert(model, target);
  await executeWrite(buildInsertAction(model, target), tx);
  if (hooks && hasHooks(model, "afterCreate")) await runAfterHooks(model, instance, "afterCreate", tx);
}
