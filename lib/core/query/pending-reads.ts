// Kept for modules that imported the read API from here before the planner landed.
export type { Page, PaginateOptions, QueryPlan } from "./read-types.js";
export { paginateRows } from "./paginate.js";
export { explainRead } from "./explain.js";
export { findManyByKeys } from "./find-many.js";
export { createManyRows } from "../batch/create-many.js";
