import type { ModelMetadata } from "../metadata/model-metadata.js";
import { findRows } from "./find-rows.js";
import { normalizeWhereArgs } from "./normalize-filters.js";
import type { TrashScope } from "./query-types.js";

/** `where(...)` in any of its overloads. */
export async function readMany<M>(model: ModelMetadata, args: unknown[], scope: TrashScope = "default"): Promise<M[]> {
  const { clauses, options } = normalizeWhereArgs(model, args);
  return findRows<M>(model, clauses, options, scope);
}

/** `first(...)` / `last(...)`: the first or last row in key order. */
export async function readOne<M>(model: ModelMetadata, args: unknown[], fromEnd: boolean): Promise<M | undefined> {
  const { clauses, options } = normalizeWhereArgs(model, args);
  if (!fromEnd) return (await findRows<M>(model, clauses, { ...options, limit: 1 }, "default"))[0];
  const rows = await findRows<M>(model, clauses, { ...options, limit: undefined }, "default");
  return rows.at(-1);
}

export async function countRows(model: ModelMetadata, args: unknown[], scope: TrashScope = "default"): Promise<number> {
  return (await readMany(model, args, scope)).length;
}
