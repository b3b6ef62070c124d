import { NotFoundError } from "../errors/core-errors.js";
import { hasHooks } from "./run-hooks.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { clausesOf } from "../read/normalize-filters.js";
import type { Filters } from "../read/query-types.js";
import { visibilityConditions } from "../read/visibility-scope.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { currentWriteQueue } from "../engine/write-scope.js";
import { extractKey } from "../item/validate-key.js";
import { executeWrite } from "./execute-write.js";
import { updatePartsOf } from "./save-instance.js";
import { buildUpdateAction } from "./update-action.js";
import type { WriteAction } from "../engine/write-action.js";
import { nowIso } from "../instance/instance-data.js";
import { withFields } from "../support/with-fields.js";

/**
 * `Model.update(patch, { <full primary key> })` as ONE conditional UpdateItem, with no read first.
 * Only when nothing needs the stored row before writing: no `@Version`, no update hooks, not in a
 * transaction (there a missing row must count 0 instead of cancelling it all). Returns undefined
 * when the general path (read, then update each row) must be taken.
 */
export async function updateByKey(
  model: ModelMetadata,
  patch: Record<string, unknown>,
  filters: Filters,
  tx: WriteQueue | undefined,
): Promise<number | undefined> {
  if (tx || !qualifies(model, patch)) return undefined;
  const key = fullKeyOf(model, filters);
  if (!key) return undefined;
  const action = keyUpdateAction(model, key, patch);
  try {
    await executeWrite(action);
    return 1;
  } catch (error) {
    if (error instanceof NotFoundError) return 0; // absent, soft-deleted or expired: nothing matched
    throw error;
  }
}

function qualifies(model: ModelMetadata, patch: Record<string, unknown>): boolean {
  if (currentWriteQueue() || model.versionProperty()) return false;
  if (hasHooks(model, "beforeUpdate") || hasHooks(model, "afterUpdate")) return false;
  const keys = model.keyProperties();
  return !Object.keys(patch).some((property) => keys.includes(property) || model.relations.has(property));
}

/** The stored key when the filters are exactly `=` on every part of the primary key. */
function fullKeyOf(model: ModelMetadata, filters: Filters): Record<string, unknown> | undefined {
  const clauses = clausesOf(model, filters);
  const keys = model.keyProperties();
  const exact =
    clauses.length === keys.length && clauses.every((c) => c.op === "=" && c.value !== null && keys.includes(c.property));
  if (!exact) return undefined;
  const given: Record<string, unknown> = {};
  for (const clause of clauses) {
    if (Object.hasOwn(given, clause.property)) return undefined; // one key part named twice (`a` and `a` via an alias)
    given[clause.property] = clause.value;
  }
  return extractKey(model, given);
}

function keyUpdateAction(model: ModelMetadata, key: Record<string, unknown>, patch: Record<string, unknown>): WriteAction {
  const updatedAt = model.timestampProperty("updatedAt");
  const values = updatedAt && !(updatedAt in patch) ? withFields(patch, { [updatedAt]: nowIso() }) : patch;
  const parts = updatePartsOf(model, values, Object.keys(values));
  return buildUpdateAction(model, undefined, key, parts, undefined, visibilityConditions(model));
}
