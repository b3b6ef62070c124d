import { contextFor } from "../engine/engine-context.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { assertIncludable, loadIncludes } from "./load-includes.js";
import { keyProjectionOf } from "./count-input.js";
import { planAccess } from "./access-plan.js";
import { fetchRows } from "./find-rows.js";
import { normalizeWhereArgs } from "./normalize-filters.js";
import { stripHidden } from "./projection.js";
import type { TrashScope } from "./query-types.js";
import { buildPagedInput } from "./read-input.js";
import { buildReadSpec, type ReadSpec } from "./read-spec.js";
import { guardScan } from "./scan-guard.js";
import { countPages } from "./walk-pages.js";
import { withFields } from "../support/with-fields.js";

/** The validated spec of a `where`-style call (throws ValidationError before any request). */
export function specOfArgs(model: ModelMetadata, args: unknown[], scope: TrashScope): ReadSpec {
  const { clauses, options } = normalizeWhereArgs(model, args);
  const spec = buildReadSpec(model, clauses, options, scope);
  assertIncludable(spec);
  return spec;
}

/** Reads the rows of a spec, loads its includes level by level, and strips engine-only properties. */
export async function readRows<M>(spec: ReadSpec): Promise<M[]> {
  const { rows, projection } = await fetchRows<M>(spec);
  if (spec.includes.length) await loadIncludes(rows as object[], spec.includes); // no await (promises) for none
  stripHidden(rows as object[], projection.hidden);
  return rows;
}

/** `where(...)` in any of its overloads. */
export async function readMany<M>(model: ModelMetadata, args: unknown[], scope: TrashScope = "default"): Promise<M[]> {
  return readRows<M>(specOfArgs(model, args, scope));
}

/**
 * `first(...)` / `last(...)`. On a Query, `last` is the same read in the other direction with
 * Limit 1; a Scan or key lookup has no key order to reverse, so `last` reads every match.
 */
export async function readOne<M>(
  model: ModelMetadata,
  args: unknown[],
  fromEnd: boolean,
  scope: TrashScope = "default",
): Promise<M | undefined> {
  const spec = specOfArgs(model, args, scope);
  if (!fromEnd) {
    spec.limit = 1; // this call's own spec: set in place (a copy that overwrites a field is V8's slow path on Node 20/22)
    return (await readRows<M>(spec))[0];
  }
  if (planAccess(spec).operation === "Query" && !spec.sortBy) {
    return (
      await readRows<M>(
        withFields(spec, { skip: 0, limit: 1, order: spec.order === "DESC" ? ("ASC" as const) : ("DESC" as const) }),
      )
    )[0];
  }
  return (await readRows<M>(withFields(spec, { skip: 0, limit: undefined }))).at(-1);
}

/** `count(filters)`: `Select: "COUNT"` pages for a Query/Scan; key lookups count the (key-only) items found. */
export async function countRows(model: ModelMetadata, args: unknown[], scope: TrashScope = "default"): Promise<number> {
  const spec = specOfArgs(model, args, scope);
  const plan = planAccess(spec);
  // key lookups, and Queries with conditions DynamoDB cannot filter on, count the key-only items found
  if (plan.operation === "GetItem" || plan.operation === "BatchGetItem" || plan.residual?.length) {
    return (await fetchRows(keyProjectionOf(spec))).rows.length;
  }
  const context = contextFor(model);
  guardScan(plan, context.options);
  return countPages(context.doc, plan.operation, buildPagedInput(plan, undefined, true));
}
