import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { assertIncludable, loadIncludes } from "./load-includes.js";
import { planAccess } from "./access-plan.js";
import { decodeCursor, encodeCursor, type CursorPosition, type CursorScope } from "./cursor.js";
import { fetchRows } from "./find-rows.js";
import { clausesOf } from "./normalize-filters.js";
import { readDigest } from "./read-digest.js";
import { cursorColumns, stripHidden } from "./projection.js";
import type { Filters } from "./query-types.js";
import { buildReadSpec } from "./read-spec.js";
import type { Page, PaginateOptions } from "./read-types.js";
import { withFields } from "../support/with-fields.js";

// what paginate honours; `skip` in particular is refused, not ignored (the cursor is the position)
const PAGINATE_OPTIONS = new Set(["limit", "cursor", "order", "attributes", "include", "consistentRead"]);

function assertPaginateOptions(model: ModelMetadata, options: object): void {
  for (const name of Object.keys(options)) {
    if (PAGINATE_OPTIONS.has(name)) continue;
    throw ValidationError.of(
      model.name,
      name,
      "option",
      `is not a paginate option; use one of ${[...PAGINATE_OPTIONS].join(", ")}` +
        (name === "skip" ? " (pages move by cursor, not by skipping rows)" : ""),
    );
  }
}

/**
 * One page of a read and the cursor of the next. The cursor is the key of the last item returned
 * (with the index key on an index), not DynamoDB's LastEvaluatedKey: when a page is cut at `limit`
 * in the middle of what DynamoDB evaluated, the next page starts right after the last item returned,
 * so nothing is skipped or repeated.
 */
export async function paginateRows<M>(model: ModelMetadata, filters: Filters, options: PaginateOptions): Promise<Page<M>> {
  if (typeof options !== "object" || options === null) {
    throw ValidationError.of(
      model.name,
      "(options)",
      "paginate",
      "paginate(filters, { limit, cursor? }) needs an options object",
    );
  }
  assertPaginateOptions(model, options);
  const { limit, cursor } = options;
  // not `{ limit, cursor, ...readOptions }`: an object rest takes V8's slow path on Node 20/22 (~1–2 µs)
  const readOptions: Record<string, unknown> = {};
  for (const name of Object.keys(options)) {
    if (name !== "limit" && name !== "cursor") readOptions[name] = options[name as keyof PaginateOptions];
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw ValidationError.of(
      model.name,
      "(limit)",
      "limit",
      `paginate needs a positive integer limit, got ${JSON.stringify(limit)}`,
    );
  }
  const clauses = clausesOf(model, filters);
  const spec = buildReadSpec(model, clauses, readOptions);
  assertIncludable(spec);
  if (spec.sortBy) {
    throw ValidationError.of(
      model.name,
      spec.sortBy.property,
      "order",
      "paginate orders by the sort key only; a cursor cannot resume a sort in memory",
    );
  }
  const plan = planAccess(spec);
  let digest: string | undefined;
  const scope: CursorScope = {
    model,
    index: plan.index?.name,
    order: spec.order,
    keyColumns: cursorColumns(model, plan),
    // only a cursor read or written needs it: a first page that is also the last computes none
    get digest() {
      return (digest ??= readDigest(clauses, spec.order));
    },
  };
  const position: CursorPosition | undefined = cursor === undefined ? undefined : decodeCursor(scope, cursor);
  const keyLookup = plan.operation === "GetItem" || plan.operation === "BatchGetItem";
  if (position && keyLookup !== "offset" in position) {
    throw ValidationError.of(
      model.name,
      "(cursor)",
      "cursor",
      "belongs to a read with another access plan; pass the cursor of this same read",
    );
  }
  let rows: M[];
  let next: CursorPosition | undefined;
  let hidden: string[];
  if (keyLookup) {
    // key lookups have no LastEvaluatedKey: the cursor is an offset into the found rows
    const offset = position && "offset" in position ? position.offset : 0;
    const fetched = await fetchRows<M>(withFields(spec, { skip: offset, limit: limit + 1 }));
    rows = fetched.rows.slice(0, limit);
    hidden = fetched.projection.hidden;
    if (fetched.rows.length > limit) next = { offset: offset + limit };
  } else {
    const startKey = position && "key" in position ? position.key : undefined;
    const fetched = await fetchRows<M>(spec, { want: limit, startKey });
    rows = fetched.rows;
    hidden = fetched.projection.hidden;
    const last = fetched.items.at(-1);
    if (!fetched.exhausted && last) {
      const key: Record<string, unknown> = {};
      for (const column of scope.keyColumns) key[column] = last[column];
      next = { key };
    }
  }
  if (spec.includes.length) await loadIncludes(rows as object[], spec.includes);
  stripHidden(rows as object[], hidden);
  return next ? { items: rows, cursor: encodeCursor(scope, next) } : { items: rows };
}
