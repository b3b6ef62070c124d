import type { QueryOptions } from "./query-types.js";

/** Options of `paginate()`: page size, the cursor of the previous page, and the usual read options. */
export interface PaginateOptions {
  limit: number;
  cursor?: string;
  order?: "ASC" | "DESC";
  attributes?: string[];
  include?: QueryOptions["include"];
  consistentRead?: boolean;
}

export interface Page<M> {
  items: M[];
  /** Opaque cursor of the next page; absent on the last page. */
  cursor?: string;
}

/** What a read will send, without sending it (`Model.explain()`). */
export interface QueryPlan {
  operation: "GetItem" | "BatchGetItem" | "Query" | "Scan";
  table: string;
  index?: string;
  keyCondition?: string;
  filter?: string;
  projection?: string;
  /** Query only: false when the read goes in descending sort-key order. */
  scanIndexForward?: boolean;
  /** GetItem/BatchGetItem: the stored keys to get. */
  keys?: Array<Record<string, unknown>>;
  /**
   * Conditions checked on the returned items: GetItem/BatchGetItem take no filter, and a Query's
   * FilterExpression cannot name its own key attributes (then `residualNames`/`residualValues` hold its placeholders).
   */
  residualFilter?: string;
  residualNames?: Record<string, string>;
  residualValues?: Record<string, unknown>;
  /**
   * Query/Scan: how each `in`/`not-in` of more than 100 values is evaluated, e.g.
   * `"id in (250 values): chunked into IN lists of at most 100 in the FilterExpression"` or
   * `"… evaluated after reading (…)"` (then it is also in `residualFilter`).
   */
  notes?: string[];
  /**
   * `order` on an attribute that is not the sort key: every matching row is read (limit does not
   * shorten the read), then sorted in memory by `attribute`.
   */
  sortedInMemory?: { attribute: string; order: "ASC" | "DESC" };
  /** BatchGetItem: number of requests (100 keys each). */
  requests?: number;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}
