import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { fetchRows } from "./find-rows.js";
import { buildReadSpec } from "./read-spec.js";
import { extractKey } from "../item/validate-key.js";
import type { AccessPlan } from "./access-plan.js";
import { keyId } from "../item/item-key.js";
import { visibilityConditions } from "./visibility-scope.js";

/** Rows by primary keys (BatchGetItem, 100 keys a request), in the order of the keys; missing keys left out. */
export async function findManyByKeys<M>(model: ModelMetadata, keys: Array<Record<string, unknown>>): Promise<M[]> {
  if (!Array.isArray(keys))
    throw ValidationError.of(model.name, "(keys)", "findMany", "findMany(keys) needs an array of primary keys");
  if (!keys.length) return [];
  const unique = new Map<string, Record<string, unknown>>();
  for (const key of keys) {
    const stored = extractKey(model, key ?? {});
    unique.set(keyId(model, stored), stored);
  }
  const spec = buildReadSpec(model, []);
  // the keys are already known: skip the planner's key detection and read exactly these
  const plan: AccessPlan = {
    operation: "BatchGetItem",
    model,
    keys: [...unique.values()],
    keyConditions: [],
    filters: visibilityConditions(model),
    scanIndexForward: true,
  };
  return (await fetchRows<M>(spec, { plan })).rows;
}
