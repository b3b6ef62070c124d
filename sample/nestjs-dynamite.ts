// In your own app this file does not exist: import from "nestjs-dynamite" instead.
// The sample lives inside the package, so it re-exports the package's source entry.
export * from "../lib/index.js";
