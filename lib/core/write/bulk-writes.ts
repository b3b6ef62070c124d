import { mapConcurrent } from "../support/concurrency.js";
import { assignAttributes } from "../instance/construction-defaults.js";
import { contextFor } from "../engine/engine-context.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { readMany } from "../read/read-api.js";
import type { Filters } from "../read/query-types.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import { applyMutators, validateAttributes } from "../item/validate-attributes.js";
import { destroyInstance } from "./destroy-instance.js";
import { saveInstance } from "./save-instance.js";
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
  const checked = { ...patch };
  applyMutators(model, checked, Object.keys(checked));
  validateAttributes(model, checked, Object.keys(checked), false);
  const direct = await updateByKey(model, checked, filters, resolveWriteOptions(tx).tx);
  if (direct !== undefined) return direct;
  const rows = await readMany<object>(model, [filters]);
  await mapConcurrent(rows, contextFor(model).options.concurrency, (row) => {
    assignAttributes(row, patch);
    return saveInstance(model, row, tx);
  });
  return rows.length;
}

/** Destroys each matching row (soft with @DeleteAt), with the client's bounded concurrency. */
export async function deleteWhere(model: ModelMetadata, filters: Filters, tx?: TxOrWriteOptions): Promise<number> {
  const rows = await readMany<object>(model, [filters]);
  await mapConcurrent(rows, contextFor(model).options.concurrency, (row) => destroyInstance(model, row, tx));
  return rows.length;
}
