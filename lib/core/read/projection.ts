import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { AccessPlan } from "./access-plan.js";
import type { ReadSpec } from "./read-spec.js";

/** Stored columns to fetch, and the properties fetched only for the engine (stripped before returning). */
export interface Projection {
  columns?: string[];
  hidden: string[];
}

/** Local properties an include needs on the rows it starts from. */
export function includeKeysOf(spec: ReadSpec): string[] {
  return spec.includes.map(({ relation }) => relation.localKey).filter(Boolean);
}

/**
 * `attributes` plus what the engine needs: the primary key (identity, cursors), the index keys of a
 * Query (cursors), the local keys of includes, and the columns of conditions checked on returned items.
 */
export function projectionOf(spec: ReadSpec, plan: AccessPlan, extra: string[] = []): Projection {
  if (!spec.attributes) return { hidden: [] };
  const model = spec.model;
  const needed = new Set<string>([...model.keyProperties(), ...includeKeysOf(spec), ...extra]);
  if (plan.index) {
    needed.add(model.partitionKeyOf(plan.index));
    if (plan.index.sortKey) needed.add(plan.index.sortKey);
  }
  const asked = new Set(spec.attributes);
  const columns = new Set([...asked, ...needed].map((property) => model.columnOf(property)));
  if (plan.operation === "GetItem" || plan.operation === "BatchGetItem") for (const c of plan.filters) columns.add(c.column);
  for (const condition of plan.residual ?? []) columns.add(condition.column);
  const hidden = [...columns].map((column) => model.propertyOfColumn(column)).filter((property) => !asked.has(property));
  return { columns: [...columns], hidden };
}

/** Removes engine-only properties from returned rows. */
export function stripHidden(rows: object[], hidden: string[]): void {
  if (!hidden.length) return;
  for (const row of rows) for (const property of hidden) delete (row as Record<string, unknown>)[property];
}

/** Index key columns of a plan (for cursors): the table key plus the index's own key. */
export function cursorColumns(model: ModelMetadata, plan: AccessPlan): string[] {
  const properties = new Set(model.keyProperties());
  if (plan.index) {
    properties.add(model.partitionKeyOf(plan.index));
    if (plan.index.sortKey) properties.add(plan.index.sortKey);
  }
  return [...properties].map((property) => model.columnOf(property));
}
