import type { EngineOptions } from "../engine/client-options.js";
import { ScanRefusedError } from "../errors/scan-refused-error.js";
import type { AccessPlan } from "./access-plan.js";

/** Applies the client's `onScan` option before a Scan is sent. */
export function guardScan(plan: AccessPlan, options: EngineOptions): void {
  if (plan.operation !== "Scan" || options.onScan === "allow") return;
  const model = plan.model;
  const message =
    `${model.name}: this read has no "=" on a partition key (table ${model.tableName}` +
    `${plan.filters.length ? `, filtering on ${[...new Set(plan.filters.map((c) => c.column))].join(", ")}` : ""}) and must Scan the table. ` +
    `Filter on ${model.partitionKey} or on an indexed attribute, or set onScan: "allow".`;
  if (options.onScan === "error") throw new ScanRefusedError(message, model.name);
  options.warn(message);
}
