import type { Operator } from "../expression/condition.js";

/** A filter value: scalar (=), array (in), null (absent) or an operator map. */
export type FilterValue = unknown;

/** Filters keyed by attribute (TypeScript property names). */
export type Filters<M = any> = { [K in keyof M]?: FilterValue } & Record<string, FilterValue>;

/** Which rows soft delete lets a read see. */
export type TrashScope = "default" | "withTrashed" | "onlyTrashed";

export interface IncludeOptions {
  where?: Filters;
  attributes?: string[];
  order?: "ASC" | "DESC";
  skip?: number;
  limit?: number;
  include?: IncludeSpec;
}

/** `{ orders: true }` or `{ orders: { where, attributes, order, skip, limit, include } }` (or a list of names). */
export type IncludeSpec = Record<string, true | IncludeOptions> | string[];

export interface QueryOptions {
  order?: "ASC" | "DESC";
  skip?: number;
  limit?: number;
  attributes?: string[];
  include?: IncludeSpec;
  consistentRead?: boolean;
}

/** One normalized comparison (property name and in-memory operand). */
export interface FilterClause {
  property: string;
  op: Operator;
  value: unknown;
}
