import { mapConcurrent } from "../support/concurrency.js";
import { contextFor } from "../engine/engine-context.js";
import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toStoredValue } from "../item/item-codec.js";
import { hasKeySource } from "./access-plan.js";
import { fetchRows } from "./find-rows.js";
import type { FilterClause } from "./query-types.js";
import type { ReadSpec } from "./read-spec.js";
import { withFields } from "../support/with-fields.js";

/** Related rows grouped by the value of the attribute they were looked up by. */
export interface RowsByValue {
  groups: Map<string, object[]>;
  all: object[];
  /** Engine-only properties to strip once nested includes are loaded. */
  hidden: string[];
}

/** Identity of an attribute value (stored form), to match parents with related rows. */
export function valueId(model: ModelMetadata, property: string, value: unknown): string {
  return JSON.stringify(toStoredValue(model.attributes.get(property), value));
}

/** The distinct non-null values of `property` over `rows`. */
export function distinctValues(model: ModelMetadata, rows: object[], property: string): unknown[] {
  const values = new Map<string, unknown>();
  for (const row of rows) {
    const value = (row as Record<string, unknown>)[property];
    if (value !== undefined && value !== null) values.set(valueId(model, property, value), value);
  }
  return [...values.values()];
}

/** Fails before any request when `property` of `model` keys neither the table nor an index. */
export function assertLookupable(model: ModelMetadata, property: string, relation: string): void {
  if (!hasKeySource(model, property)) {
    throw new ConfigError(
      `Include ${relation} looks up ${model.name} by ${property}, which is neither its partition key nor an indexed ` +
        `attribute, so it would need a Scan. Declare the relation's @HasMany/@HasOne (which derives a GSI) and re-sync.`,
    );
  }
}

/**
 * Rows of `spec.model` whose `property` equals one of `values`. When `property` is the whole primary
 * key: one BatchGetItem per 100 distinct values. Otherwise one Query per value (table or GSI), run
 * concurrently with the client's bound, each with the spec's own skip/limit pushed down. Never an
 * IN/OR chain of values, which breaks DynamoDB's expression limits past ~100 parents.
 */
export async function rowsByValue(spec: ReadSpec, property: string, values: unknown[]): Promise<RowsByValue> {
  const model = spec.model;
  const groups = new Map<string, object[]>();
  if (!values.length) return { groups, all: [], hidden: [] };
  const lookup = (op: "=" | "in", value: unknown): ReadSpec => {
    const clause: FilterClause = { property, op, value };
    return withFields(spec, { clauses: [clause, ...spec.clauses], includes: spec.includes });
  };
  const byKey = property === model.partitionKey && !model.sortKey;
  const reads = byKey
    ? [await fetchRows<object>(withFields(lookup("in", values), { skip: 0, limit: undefined }), { extra: [property] })]
    : await mapConcurrent(values, contextFor(model).options.concurrency, (value) =>
        fetchRows<object>(lookup("=", value), { extra: [property] }),
      );
  const all: object[] = [];
  for (const read of reads) {
    for (const row of read.rows) {
      const id = valueId(model, property, (row as Record<string, unknown>)[property]);
      const group = groups.get(id) ?? [];
      group.push(row);
      groups.set(id, group);
      all.push(row);
    }
  }
  return { groups, all, hidden: reads[0]?.projection.hidden ?? [] };
}
