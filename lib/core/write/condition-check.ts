import { ConflictError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { clausesOf, toCondition } from "../read/normalize-filters.js";
import type { Filters } from "../read/query-types.js";
import { extractKey } from "../item/validate-key.js";
import type { WriteAction } from "../engine/write-action.js";
import { describeKey } from "../errors/write-errors.js";
import { rowExists } from "./build-write.js";

/**
 * A ConditionCheck on one item: the transaction is cancelled unless the stored item exists and
 * matches `filters` (same shape as `where`, e.g. `{ stock: { ">=": 2 } }`).
 */
export function buildConditionCheckAction(model: ModelMetadata, keyData: Record<string, unknown>, filters: Filters): WriteAction {
  const key = extractKey(model, keyData);
  const conditions = clausesOf(model, filters).map((clause) => toCondition(model, clause));
  return {
    kind: "ConditionCheck",
    model,
    table: model.tableName,
    key,
    conditions: [rowExists(model), ...conditions],
    onConditionFailed: (cause) =>
      new ConflictError(
        `${model.name} with key ${describeKey(key)} does not exist or fails the transaction's check`,
        { model: model.name, key },
        { cause },
      ),
  };
}
