import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { applyChange } from "./apply-change.js";
import { planTable } from "./plan-table.js";
import type { SyncPlan } from "./sync-plan.js";

/** The plan of every model's table, in model order (nothing is changed). */
export async function planSchema(client: DynamoDBClient, models: ModelMetadata[]): Promise<SyncPlan> {
  const plan: SyncPlan = { changes: [], warnings: [] };
  for (const model of models) {
    const table = await planTable(client, model);
    plan.changes.push(...table.changes);
    plan.warnings.push(...table.warnings);
  }
  return plan;
}

/**
 * Plans each table, reports its drift through `warn`, then makes its changes one at a time
 * (create table, add each missing GSI and wait for ACTIVE, enable TTL). Never drops or changes anything.
 */
export async function syncSchema(
  client: DynamoDBClient,
  models: ModelMetadata[],
  warn: (message: string) => void,
): Promise<SyncPlan> {
  const plan: SyncPlan = { changes: [], warnings: [] };
  for (const model of models) {
    const table = await planTable(client, model);
    for (const warning of table.warnings) warn(`Dynamite sync: ${warning}`);
    for (const change of table.changes) await applyChange(client, model, change);
    plan.changes.push(...table.changes);
    plan.warnings.push(...table.warnings);
  }
  return plan;
}
