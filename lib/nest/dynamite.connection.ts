import { Dynamite, getGlobalClient, hasGlobalClient, setGlobalClient, DynamiteError } from "../core/index.js";
import { registerConnection } from "./common/connection-registry.js";
import { retryUnlessConfigError, withRetry } from "./common/dynamite.utils.js";
import { featureTablesOf } from "./common/feature-tables.storage.js";
import { DEFAULT_CONNECTION_NAME } from "./dynamite.constants.js";
import type { DynamiteModuleOptions } from "./interfaces/dynamite-options.interface.js";

/** Splits module behaviour from the client config `new Dynamite()` receives. */
function clientConfigOf(options: DynamiteModuleOptions, name: string) {
  const { name: _name, tables = [], autoLoadTables = true, retryAttempts: _a, retryDelay: _d, toRetry: _r, ...config } = options;
  const featureTables = autoLoadTables ? featureTablesOf(name) : [];
  return { ...config, name, tables: [...new Set([...tables, ...featureTables])] };
}

// connect() makes a client the global one; a named connection must not take that role from the
// default connection (its own tables are bound to it and do not need the global client).
function connectKeepingGlobal(dynamite: Dynamite, name: string): void {
  const previous = hasGlobalClient() ? getGlobalClient() : undefined;
  dynamite.connect();
  if (name !== DEFAULT_CONNECTION_NAME) setGlobalClient(previous);
}

/**
 * Creates the connection of a core module, connects and syncs it (retried like `@nestjs/typeorm`),
 * so its tables exist before any module's `onModuleInit` runs.
 */
export async function createDynamiteConnection(options: DynamiteModuleOptions): Promise<Dynamite> {
  const name = options.name ?? DEFAULT_CONNECTION_NAME;
  const dynamite = new Dynamite(clientConfigOf(options, name));
  const attempts = options.retryAttempts ?? 9;
  try {
    await withRetry(
      async () => {
        try {
          connectKeepingGlobal(dynamite, name);
          await dynamite.sync();
        } catch (error) {
          dynamite.disconnect();
          throw error;
        }
      },
      { attempts, delay: options.retryDelay ?? 3000, toRetry: options.toRetry ?? retryUnlessConfigError, connectionName: name },
    );
  } catch (cause) {
    dynamite.release();
    throw new DynamiteError(
      `DynamiteModule could not connect and sync the "${name}" connection: ${(cause as Error).message}. ` +
        `Check the endpoint, region and credentials (or the models named above).`,
      { cause },
    );
  }
  registerConnection(name, dynamite);
  return dynamite;
}
