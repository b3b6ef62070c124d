// Placeholders for the read paths the query planner work (issue 3) implements; replaced there.
import { DynamiteError } from "../errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { Filters, QueryOptions } from "./query-types.js";

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

/** What a read will send, without sending it. */
export interface QueryPlan {
  operation: "GetItem" | "BatchGetItem" | "Query" | "Scan";
  table: string;
  index?: string;
  keyCondition?: string;
  filter?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

const pending = (name: string) => new DynamiteError(`${name} is not implemented yet`);

export async function paginateRows<M>(_model: ModelMetadata, _filters: Filters, _options: PaginateOptions): Promise<Page<M>> {
  throw pending("paginate()");
}

export function explainRead(_model: ModelMetadata, _filters: Filters, _options: QueryOptions = {}): QueryPlan {
  throw pending("explain()");
}

export async function findManyByKeys<M>(_model: ModelMetadata, _keys: Array<Record<string, unknown>>): Promise<M[]> {
  throw pending("findMany()");
}

export async function createManyRows<M>(_model: ModelMetadata, _rows: Array<Record<string, unknown>>, _tx?: unknown): Promise<M[]> {
  throw pending("createMany()");
}
