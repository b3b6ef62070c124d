import { Module, type DynamicModule } from "@nestjs/common";
import type { ModelClass } from "../core/index.js";
import { addFeatureTables } from "./common/feature-tables.storage.js";
import { DynamiteCoreModule } from "./dynamite-core.module.js";
import { DEFAULT_CONNECTION_NAME } from "./dynamite.constants.js";
import { createTableProviders } from "./dynamite.providers.js";
import type { DynamiteModuleAsyncOptions, DynamiteRootOptions } from "./interfaces/dynamite-options.interface.js";

/**
 * Wires Dynamite into a Nest application.
 * @example imports: [DynamiteModule.forRoot({ region: "us-east-1" }), DynamiteModule.forFeature([User])]
 */
@Module({})
export class DynamiteModule {
  /** A global connection (the default one, or `options.name`), connected and synced at startup. */
  static forRoot(options: DynamiteRootOptions = {}): DynamicModule {
    return { module: DynamiteModule, imports: [DynamiteCoreModule.forRoot(options)] };
  }

  /** Like `forRoot`, with options from `useFactory`, `useClass` or `useExisting` (e.g. ConfigService). */
  static forRootAsync(options: DynamiteModuleAsyncOptions): DynamicModule {
    return { module: DynamiteModule, imports: [DynamiteCoreModule.forRootAsync(options)] };
  }

  /** Registers `tables` on a connection and provides a `TableRepository` for each (`@InjectTable(Model)`). */
  static forFeature(tables: ModelClass[] = [], connection: string = DEFAULT_CONNECTION_NAME): DynamicModule {
    addFeatureTables(connection, tables);
    const providers = createTableProviders(tables, connection);
    return { module: DynamiteModule, providers, exports: providers };
  }
}
