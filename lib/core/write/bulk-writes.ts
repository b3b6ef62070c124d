import { mapConcurrent } from "../support/concurrency.js";
import { contextFor } from "../engine/engine-context.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { NotFoundError, ValidationError } from "../errors/core-errors.js";
import { assertWriteFilters } from "../read/normalize-filters.js";
import { readMany } from "../read/read-api.js";
import type { Filters } from "../read/query-types.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import { applyMutators, validateAttributes } from "../item/validate-attributes.js";
import { destroyInstance } from "./destroy-instance.js";
import { saveInstance, updatePartsOf } from "./save-instance.js";
import { assertInputNames, assignInput } from "../metadata/instance-api-names.js";
import { renderAction } from "./render-action.js";
import { updateByKey } from "./key-update.js";

/**
 * Validates the patch before anything is read or written, then updates each matching row with the
 * client's bounded concurrency (hooks run per row).
 */
export async function updateWhere(
  model: ModelMetadata,
  patch: Record<string, unknown>,
  filters: Filters,
  tx?: TxOrWriteOptions,
): Promise<number> {
  assertPatch(model, patch);
  assertWriteFilters(model, "update", filters);
  assertNoKeyInPatch(model, patch);
  assertInputNames((model.target as { prototype: object }).prototype, patch, model.name);
  const checked = { ...patch };
  applyMutators(model, checked, Object.keys(checked));
  validateAttributes(model, checked, Object.keys(checked), false);
  // the UpdateExpression each row will get, checked against DynamoDB's expression limits before any read
  const update = updatePartsOf(model, checked, Object.keys(checked));
  renderAction({ kind: "Update", table: model.tableName, key: {}, update, conditions: [], model });
  const direct = await updateByKey(model, checked, filters, resolveWriteOptions(tx).tx);
  if (direct !== undefined) return direct;
  const rows = await readMany<object>(model, [filters]);
  await mapConcurrent(rows, contextFor(model).options.concurrency, (row) => {
    assignInput(row, patch);
    return saveInstance(model, row, tx);
  });
  return rows.length;
}

/** A patch is a plain object naming at least one attribute: `update({}, filters)` sends nothing and says so. */
function assertPatch(model: ModelMetadata, patch: unknown): asserts patch is Record<string, unknown> {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw ValidationError.of(model.name, "(patch)", "patch", "update(patch, filters) needs a plain object of attribute → value");
  }
  if (!Object.keys(patch).length) {
    throw ValidationError.of(
      model.name,
      "(patch)",
      "emptyPatch",
      "update({}, filters) changes nothing; name at least one attribute (nothing was read or written)",
    );
  }
}

/** A patch moves no row: key attributes in it are refused before anything is read. */
function assertNoKeyInPatch(model: ModelMetadata, patch: Record<string, unknown>): void {
  const key = model.keyProperties().find((property) => Object.hasOwn(patch ?? {}, property));
  if (key) {
    throw ValidationError.of(
      model.name,
      key,
      "immutableKey",
      "is part of the primary key and cannot change; create a new row instead",
    );
  }
}

/** Destroys each matching row (soft with @DeleteAt), with the client's bounded concurrency. */
export async function deleteWhere(model: ModelMetadata, filters: Filters, tx?: TxOrWriteOptions): Promise<number> {
  assertWriteFilters(model, "delete", filters);
  const rows = await readMany<object>(model, [filters]);
  const deleted = await mapConcurrent(rows, contextFor(model).options.concurrency, (row) =>
    destroyInstance(model, row, tx).then(
      () => 1,
      // a row deleted by someone else between the read and the delete is not counted
      (error: unknown) => (error instanceof NotFoundError ? 0 : Promise.reject(error)),
    ),
  );
  return deleted.reduce<number>((sum, n) => sum + n, 0);
}
