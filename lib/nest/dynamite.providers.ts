import type { Provider } from "@nestjs/common";
import type { Dynamite, Table, ModelClass } from "../core/index.js";
import { getDynamiteToken, getTableToken } from "./common/dynamite.utils.js";
import { TableRepository, type TableClass } from "./table-repository.js";

// Feature tables are normally created by the connection factory (autoLoadTables); with autoLoadTables
// off, or for a module loaded later (LazyModuleLoader), they are registered and created here.
async function ensureRegistered(dynamite: Dynamite, model: ModelClass): Promise<void> {
  if (dynamite.getTables().includes(model)) return;
  dynamite.registerTables([model]);
  await dynamite.sync();
}

/** One `TableRepository` provider per model, under `getTableToken(model, connection)`. */
export function createTableProviders(tables: ModelClass[], connection: string): Provider[] {
  return tables.map((model) => ({
    provide: getTableToken(model, connection),
    useFactory: async (dynamite: Dynamite) => {
      await ensureRegistered(dynamite, model);
      return new TableRepository(model as TableClass<Table>, dynamite);
    },
    inject: [getDynamiteToken(connection)],
  }));
}
