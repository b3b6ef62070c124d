import type { ModelClass } from "../../core/index.js";

// forFeature() runs when the importing module's decorator is evaluated, before the application
// boots, so the connection factory can create every feature table before any onModuleInit.
const tablesByConnection = new Map<string, Set<ModelClass>>();

export function addFeatureTables(connection: string, tables: ModelClass[]): void {
  const known = tablesByConnection.get(connection) ?? new Set<ModelClass>();
  for (const table of tables) known.add(table);
  tablesByConnection.set(connection, known);
}

/** Tables `forFeature()` declared for a connection so far. */
export function featureTablesOf(connection: string): ModelClass[] {
  return [...(tablesByConnection.get(connection) ?? [])];
}
