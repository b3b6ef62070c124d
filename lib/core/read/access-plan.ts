import type { Condition } from "../expression/condition.js";
import { ValidationError } from "../errors/core-errors.js";
import type { IndexMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { indexesOf } from "../metadata/relation-resolution.js";
import { extractKey } from "../item/validate-key.js";
import { keyId } from "../item/item-key.js";
import { fitFilters } from "./fit-filters.js";
import { visibilityConditions } from "./visibility-scope.js";
import { toCondition } from "./normalize-filters.js";
import type { FilterClause } from "./query-types.js";
import type { ReadSpec } from "./read-spec.js";

export type ReadOperation = "GetItem" | "BatchGetItem" | "Query" | "Scan";

/** How a read reaches its rows; built by a pure function, rendered by `read-input.ts`. */
export interface AccessPlan {
  operation: ReadOperation;
  model: ModelMetadata;
  /** The index a Query runs on (absent: the table). */
  index?: IndexMetadata;
  /** GetItem/BatchGetItem: stored keys, in the order asked, without duplicates. */
  keys: Array<Record<string, unknown>>;
  /** Query: the partition key `=` and at most one sort-key condition. */
  keyConditions: Condition[];
  /** Query/Scan: the FilterExpression; GetItem/BatchGetItem: checked on the returned items. */
  filters: Condition[];
  /**
   * Query/Scan: conditions checked on the returned items rather than by DynamoDB: further conditions
   * on the queried key attributes (e.g. `sk > 1` with `sk < 9`, or `sk != 5`; DynamoDB refuses key
   * attributes in a Query's FilterExpression), and `in`/`not-in` lists too long for one expression
   * (see `fitFilters`).
   */
  residual?: Condition[];
  scanIndexForward: boolean;
  consistentRead?: boolean;
}

/** A key DynamoDB can Query by: the table's, an LSI's or a GSI's. */
interface KeySource {
  index?: IndexMetadata;
  partitionKey: string;
  sortKey?: string;
}

const SORT_KEY_OPS = new Set(["=", "<", "<=", ">", ">=", "between", "begins-with"]);

/** Chooses GetItem, BatchGetItem, Query (table or index) or Scan for a validated read. */
export function planAccess(spec: ReadSpec): AccessPlan {
  const { model, clauses } = spec;
  const trash = visibilityConditions(model, spec.scope);
  const scanIndexForward = spec.order !== "DESC";
  const consistentRead = spec.consistentRead;
  // Each plan is written out whole: a spread of a shared base followed by fields that overwrite
  // some of its keys took 1–7 µs on Node 20 (V8's object-clone slow path), ~1 % of a GetItem's CPU.
  const lookup = keyLookup(model, clauses);
  if (lookup) {
    const filters = conditionsOf(model, clauses, lookup.used, trash);
    const operation = lookup.single ? ("GetItem" as const) : ("BatchGetItem" as const);
    return { operation, model, keys: lookup.keys, keyConditions: [], filters, scanIndexForward, consistentRead };
  }
  const query = queryOf(model, clauses);
  if (query) {
    if (query.source.index?.kind === "GSI" && spec.consistentRead) {
      throw ValidationError.of(
        model.name,
        query.source.partitionKey,
        "consistentRead",
        `is queried through the global secondary index ${query.source.index.name}, which cannot be read consistently; drop consistentRead`,
      );
    }
    const conditions = conditionsOf(model, clauses, query.used, trash);
    const keyColumns = new Set([query.source.partitionKey, query.source.sortKey].filter(Boolean).map((p) => model.columnOf(p!)));
    const { sent, afterRead } = fitFilters(
      model,
      conditions.filter((condition) => !keyColumns.has(condition.column)),
    );
    const residual = [...conditions.filter((condition) => keyColumns.has(condition.column)), ...afterRead];
    const { index } = query.source;
    return {
      operation: "Query",
      model,
      index,
      keys: [],
      keyConditions: query.keyConditions,
      filters: sent,
      residual,
      scanIndexForward,
      consistentRead,
    };
  }
  const { sent, afterRead } = fitFilters(model, conditionsOf(model, clauses, new Set(), trash));
  return {
    operation: "Scan",
    model,
    keys: [],
    keyConditions: [],
    filters: sent,
    residual: afterRead,
    scanIndexForward,
    consistentRead,
  };
}

/** The filters left after the key conditions, plus the scope conditions (soft delete, expired TTL). */
function conditionsOf(model: ModelMetadata, clauses: FilterClause[], used: Set<FilterClause>, scope: Condition[]): Condition[] {
  const conditions = clauses.filter((clause) => !used.has(clause)).map((clause) => toCondition(model, clause));
  return [...conditions, ...scope];
}

const isKeyMatch = (clause: FilterClause, property: string | undefined) =>
  clause.property === property && (clause.op === "=" || clause.op === "in") && clause.value !== null;

/** The full primary key given with `=` or `in`: the stored keys to get (type-checked). */
function keyLookup(model: ModelMetadata, clauses: FilterClause[]) {
  const partition = clauses.find((clause) => isKeyMatch(clause, model.partitionKey));
  const sort = model.sortKey ? clauses.find((clause) => isKeyMatch(clause, model.sortKey)) : undefined;
  if (!partition || (model.sortKey && !sort)) return undefined;
  const used = new Set<FilterClause>().add(partition);
  if (sort) used.add(sort);
  if (partition.op === "=" && (!sort || sort.op === "=")) {
    // one key (every get by key): no value lists, no dedupe map
    const given: Record<string, unknown> = {};
    given[model.partitionKey!] = partition.value;
    if (sort) given[model.sortKey!] = sort.value;
    return { keys: [extractKey(model, given)], used, single: true };
  }
  const valuesOf = (clause?: FilterClause) =>
    !clause ? [undefined] : clause.op === "in" ? (clause.value as unknown[]) : [clause.value];
  const keys = new Map<string, Record<string, unknown>>();
  for (const p of valuesOf(partition)) {
    for (const s of valuesOf(sort)) {
      const key = extractKey(model, { [model.partitionKey!]: p, ...(model.sortKey && { [model.sortKey]: s }) });
      keys.set(keyId(model, key), key);
    }
  }
  return { keys: [...keys.values()], used, single: false };
}

/** Key sources by the index list they were built from: `indexesOf` returns a new list whenever the indexes change. */
const sourcesByIndexes = new WeakMap<IndexMetadata[], KeySource[]>();

function keySources(model: ModelMetadata): KeySource[] {
  const indexes = indexesOf(model);
  let sources = sourcesByIndexes.get(indexes);
  if (!sources || sources[0].partitionKey !== model.partitionKey || sources[0].sortKey !== model.sortKey) {
    sources = buildKeySources(model, indexes);
    sourcesByIndexes.set(indexes, sources);
  }
  return sources;
}

function buildKeySources(model: ModelMetadata, indexes: IndexMetadata[]): KeySource[] {
  const sources: KeySource[] = [{ partitionKey: model.partitionKey!, sortKey: model.sortKey }];
  for (const index of indexes) {
    // an index that does not project every attribute would return partial rows
    if (index.projection !== "ALL") continue;
    sources.push({ index, partitionKey: model.partitionKeyOf(index), sortKey: index.sortKey });
  }
  return sources;
}

/** The best key source with an `=` on its partition key: one with a usable sort-key condition wins. */
function queryOf(model: ModelMetadata, clauses: FilterClause[]) {
  let best: { source: KeySource; partition: FilterClause; sort?: SortKeyChoice; score: number } | undefined;
  for (const source of keySources(model)) {
    const partition = clauses.find((c) => c.property === source.partitionKey && c.op === "=" && c.value !== null);
    if (!partition) continue;
    const sort = source.sortKey ? sortKeyChoice(clauses, source.sortKey) : undefined;
    const score = sort ? 2 : 1;
    if (!best || score > best.score) best = { source, partition, sort, score };
  }
  if (!best) return undefined;
  const used = new Set<FilterClause>([best.partition, ...(best.sort?.used ?? [])]);
  const keyConditions = [toCondition(model, best.partition), ...(best.sort ? [toCondition(model, best.sort.clause)] : [])];
  return { source: best.source, used, keyConditions };
}

interface SortKeyChoice {
  clause: FilterClause;
  used: FilterClause[];
}

/** One sort-key condition (DynamoDB allows one); `>=` with `<=` becomes BETWEEN. */
function sortKeyChoice(clauses: FilterClause[], sortKey: string): SortKeyChoice | undefined {
  const eligible = clauses.filter((c) => c.property === sortKey && SORT_KEY_OPS.has(c.op) && c.value !== null);
  const equal = eligible.find((c) => c.op === "=");
  if (equal) return { clause: equal, used: [equal] };
  const low = eligible.find((c) => c.op === ">=");
  const high = eligible.find((c) => c.op === "<=");
  // DynamoDB refuses a BETWEEN whose bounds are reversed; then `<=` is checked on the returned items
  if (low && high && inOrder(low.value, high.value)) {
    return { clause: { property: sortKey, op: "between", value: [low.value, high.value] }, used: [low, high] };
  }
  return eligible[0] && { clause: eligible[0], used: [eligible[0]] };
}

/** low <= high in DynamoDB's order (numbers numerically, strings by UTF-8 bytes). */
function inOrder(low: unknown, high: unknown): boolean {
  if (typeof low === "number" && typeof high === "number") return low <= high;
  if (typeof low === "string" && typeof high === "string") return Buffer.compare(Buffer.from(low), Buffer.from(high)) <= 0;
  return false;
}

/** True when rows can be found by `property = value` without a Scan (it keys the table or an index). */
export function hasKeySource(model: ModelMetadata, property: string): boolean {
  return keySources(model).some((source) => source.partitionKey === property);
}
