// Every error class the package throws, in one place; the package root re-exports this module.
export * from "./core-errors.js";
export * from "./batch-errors.js";
export * from "./scan-refused-error.js";
export * from "./transaction-error.js";
export * from "./transaction-propagation-error.js";
export * from "./request-timeout-error.js";
export * from "./stream-errors.js";
