import type { ModelMetadata } from "../metadata/model-metadata.js";
import { readMany } from "../query/read-api.js";
import type { Filters } from "../query/query-types.js";
import type { TxOrWriteOptions } from "../hooks/write-options.js";
import { applyMutators, validateAttributes } from "../validation/validate-attributes.js";
import { destroyInstance } from "../write/destroy-instance.js";
import { saveInstance } from "../write/save-instance.js";

/** Validates the patch before anything is read or written, then updates each matching row (hooks run per row). */
export async function updateWhere(
  model: ModelMetadata,
  patch: Record<string, unknown>,
  filters: Filters,
  tx?: TxOrWriteOptions,
): Promise<number> {
  const checked = { ...patch };
  applyMutators(model, checked, Object.keys(checked));
  validateAttributes(model, checked, Object.keys(checked), false);
  const rows = await readMany<object>(model, [filters]);
  for (const row of rows) {
    Object.assign(row, patch);
    await saveInstance(model, row, tx);
  }
  return rows.length;
}

/** Destroys each matching row (soft with @DeleteAt). */
export async function deleteWhere(model: ModelMetadata, filters: Filters, tx?: TxOrWriteOptions): Promise<number> {
  const rows = await readMany<object>(model, [filters]);
  for (const row of rows) await destroyInstance(model, row, tx);
  return rows.length;
}
