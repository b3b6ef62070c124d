import { mapConcurrent } from "../support/concurrency.js";
import { contextFor } from "../engine/engine-context.js";
import { NotFoundError, ValidationError } from "../errors/core-errors.js";
import { resolveWriteOptions, type TxOrWriteOptions } from "./write-options.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { readMany } from "../read/read-api.js";
import type { Filters } from "../read/query-types.js";
import { executeWrite } from "./execute-write.js";
import { assertIncrementable, buildIncrementAction } from "./increment-instance.js";

/**
 * `Model.increment(field, by, filters, options?)`: the instance increment (one conditional
 * `ADD` UpdateItem) on every row matching `filters`, with the client's bounded concurrency. A row
 * that vanished between the read and its update is not counted; no row is ever created.
 * Returns how many rows were incremented (queued, in a transaction).
 */
export async function incrementWhere(
  model: ModelMetadata,
  property: string,
  by: number,
  filters: Filters,
  txOrOptions?: TxOrWriteOptions,
): Promise<number> {
  if (typeof property !== "string" || model.relations.has(property)) {
    throw ValidationError.of(model.name, String(property), "increment", "is not a number attribute to increment");
  }
  assertIncrementable(model, property, by);
  if (filters === undefined || filters === null) {
    throw ValidationError.of(model.name, "(filters)", "increment", "needs the filters of the rows to increment ({} for all)");
  }
  const { tx } = resolveWriteOptions(txOrOptions);
  const rows = await readMany<object>(model, [filters]);
  const done = await mapConcurrent(rows, contextFor(model).options.concurrency, async (row) => {
    try {
      await executeWrite(buildIncrementAction(model, row, property, by), tx);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  });
  return done.filter(Boolean).length;
}
