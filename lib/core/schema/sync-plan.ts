import type { StreamViewType } from "../metadata/stream-view-type.js";

/** One change `sync()` makes to the database (never a drop or a change of an existing table or index). */
export type SchemaChange =
  | { kind: "createTable"; table: string; model: string; indexes: string[]; stream?: StreamViewType }
  | { kind: "addIndex"; table: string; model: string; index: string }
  | { kind: "enableTtl"; table: string; model: string; attribute: string }
  | { kind: "enableStream"; table: string; model: string; viewType: StreamViewType };

/**
 * What `sync()` would do: the changes in the order it makes them, and the drift it will not fix
 * (e.g. a table whose key schema differs from the model), each warning naming the table.
 */
export interface SyncPlan {
  changes: SchemaChange[];
  warnings: string[];
}

/** Options of `sync()`. */
export interface SyncOptions {
  /** Only compute the plan: nothing is created or changed, no warning is emitted. */
  dryRun?: boolean;
}
