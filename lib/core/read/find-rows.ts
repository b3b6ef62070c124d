import type { GetCommandInput } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import { batchGetItems } from "./batch-get.js";
import { keyId } from "../item/item-key.js";
import { contextFor } from "../engine/engine-context.js";
import { hydrate } from "../instance/hydrate.js";
import { planAccess, type AccessPlan } from "./access-plan.js";
import { matchesAll } from "./match-conditions.js";
import { projectionOf, type Projection } from "./projection.js";
import { buildKeyProjection, buildPagedInput } from "./read-input.js";
import type { ReadSpec } from "./read-spec.js";
import { sortItems } from "./read-option-aliases.js";
import { guardScan } from "./scan-guard.js";
import { walkPages } from "./walk-pages.js";
import { densityOf } from "./filter-density.js";

type Item = Record<string, unknown>;

/** Rows of one read, hydrated but not yet stripped of engine-only properties. */
export interface FetchedRows<M> {
  rows: M[];
  items: Item[];
  plan: AccessPlan;
  projection: Projection;
  /** Query/Scan only: false when more matching rows may follow the last one. */
  exhausted: boolean;
}

export interface FetchOptions {
  /** Properties to fetch in addition to what the spec asks (engine-only). */
  extra?: string[];
  /** Where a paginated read resumes (a stored key). */
  startKey?: Item;
  /** Apply skip/limit (default true); a paginated read passes its own limit through `want`. */
  want?: number;
  /** A plan made elsewhere (findMany builds its own key lookup). */
  plan?: AccessPlan;
}

/** Plans, guards and sends one read (GetItem, BatchGetItem, or Query/Scan pages until enough rows matched). */
export async function fetchRows<M>(spec: ReadSpec, options: FetchOptions = {}): Promise<FetchedRows<M>> {
  const plan = options.plan ?? planAccess(spec);
  const context = contextFor(spec.model);
  guardScan(plan, context.options);
  const sortBy = spec.sortBy;
  const projection = projectionOf(spec, plan, sortBy ? [...(options.extra ?? []), sortBy.property] : options.extra);
  const skip = options.want === undefined ? spec.skip : 0;
  const wanted = options.want ?? (spec.limit === undefined ? undefined : spec.skip + spec.limit);
  // sorted in memory: the first `wanted` rows are only known once every matching row is read
  const want = sortBy && wanted !== 0 ? undefined : wanted;
  let items: Item[];
  let exhausted = true;
  if (want === 0) {
    items = [];
  } else if (plan.operation === "GetItem" || plan.operation === "BatchGetItem") {
    items = (await getByKeys(plan, projection, context)).filter((item) => matchesAll(item, plan.filters));
  } else {
    const input = buildPagedInput(plan, projection.columns);
    const residual = plan.residual ?? [];
    const keep = residual.length ? (item: Item) => matchesAll(item, residual) : undefined;
    const walk = await walkPages(context.doc, plan.operation, input, {
      want,
      startKey: options.startKey,
      peek: options.want !== undefined,
      keep,
      density: densityOf(spec.model),
    });
    ({ items, exhausted } = walk);
  }
  if (sortBy) sortItems(items, spec.model.columnOf(sortBy.property), sortBy.descending);
  items = items.slice(skip, wanted);
  return { rows: items.map((item) => hydrate<M>(spec.model, item)), items, plan, projection, exhausted };
}

/** GetItem for one key, BatchGetItem otherwise; items come back in the order of the keys. */
async function getByKeys(plan: AccessPlan, projection: Projection, context: ReturnType<typeof contextFor>): Promise<Item[]> {
  const keyProjection = buildKeyProjection(projection.columns);
  if (plan.operation === "GetItem") {
    const input: GetCommandInput = { TableName: plan.model.tableName, Key: plan.keys[0], ConsistentRead: plan.consistentRead };
    if (keyProjection) {
      input.ProjectionExpression = keyProjection.expression;
      input.ExpressionAttributeNames = keyProjection.names;
    }
    const { Item } = await sendRequest(context.doc, "GetItem", input);
    return Item ? [Item as Item] : [];
  }
  const found = await batchGetItems(context.doc, plan.model, plan.keys, {
    consistentRead: plan.consistentRead,
    projection: keyProjection,
    concurrency: context.options.concurrency,
  });
  return plan.keys.map((key) => found.get(keyId(plan.model, key))).filter((item): item is Item => item !== undefined);
}
