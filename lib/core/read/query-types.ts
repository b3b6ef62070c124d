import type { Operator } from "../expression/condition.js";

/** Read options as @arcaelas/dynamite spells them, on top of ours. */
export interface ReadOptionAliases {
  /** Alias of `skip`. */
  offset?: number;
  /** Alias of `withTrashed()`: `true` includes soft-deleted rows. */
  _includeTrashed?: boolean;
}

/** `"ASC"`/`"DESC"` on the sort key, or `{ <attribute>: "ASC" | "DESC" }` (another attribute is sorted in memory). */
export type ReadOrder = "ASC" | "DESC" | Record<string, "ASC" | "DESC">;

/** A filter value: scalar (=), array (in), null (absent) or an operator map. */
export type FilterValue = unknown;

/** Filters keyed by attribute (TypeScript property names). */
export type Filters<M = any> = { [K in keyof M]?: FilterValue } & Record<string, FilterValue>;

/** Which rows soft delete lets a read see. */
export type TrashScope = "default" | "withTrashed" | "onlyTrashed";

export interface IncludeOptions {
  where?: Filters;
  attributes?: string[];
  order?: ReadOrder;
  skip?: number;
  offset?: number;
  limit?: number;
  include?: IncludeSpec;
}

/** `{ orders: true }` or `{ orders: { where, attributes, order, skip, limit, include } }` (or a list of names). */
export type IncludeSpec = Record<string, true | IncludeOptions> | string[];

export interface QueryOptions extends ReadOptionAliases {
  order?: ReadOrder;
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
