import { randomUUID } from "node:crypto";
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from "@nestjs/common";
import { APP_FILTER, ModuleRef } from "@nestjs/core";
import type { Dynamite } from "../core/index.js";
import { unregisterConnection } from "./common/connection-registry.js";
import { getDynamiteToken } from "./common/dynamite.utils.js";
import { createAsyncOptionsProviders } from "./dynamite-async-options.providers.js";
import { createDynamiteConnection } from "./dynamite.connection.js";
import { DEFAULT_CONNECTION_NAME, DYNAMITE_MODULE_ID, DYNAMITE_MODULE_OPTIONS } from "./dynamite.constants.js";
import { DynamiteExceptionFilter } from "./dynamite-exception.filter.js";
import { transactionProviders } from "./transaction/transaction.providers.js";
import type {
  DynamiteModuleAsyncOptions,
  DynamiteModuleOptions,
  DynamiteRootOptions,
} from "./interfaces/dynamite-options.interface.js";

function connectionProvider(name?: string): Provider {
  return { provide: getDynamiteToken(name), useFactory: createDynamiteConnection, inject: [DYNAMITE_MODULE_OPTIONS] };
}

const filterProviders = (enabled = true): Provider[] =>
  enabled ? [{ provide: APP_FILTER, useClass: DynamiteExceptionFilter }] : [];

/** Owns one connection: its options, the `Dynamite` provider, the exception filter and shutdown. */
@Global()
@Module({})
export class DynamiteCoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(DYNAMITE_MODULE_OPTIONS) private readonly options: DynamiteModuleOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  static forRoot(options: DynamiteRootOptions = {}): DynamicModule {
    const { exceptionFilter, ...connectionOptions } = options;
    const connection = connectionProvider(options.name);
    const transactions = transactionProviders(options.name);
    return {
      module: DynamiteCoreModule,
      providers: [
        { provide: DYNAMITE_MODULE_OPTIONS, useValue: connectionOptions },
        connection,
        ...transactions.providers,
        ...filterProviders(exceptionFilter),
      ],
      exports: [getDynamiteToken(options.name), ...transactions.exports],
    };
  }

  static forRootAsync(options: DynamiteModuleAsyncOptions): DynamicModule {
    const connection = connectionProvider(options.name);
    const transactions = transactionProviders(options.name);
    return {
      module: DynamiteCoreModule,
      imports: options.imports,
      providers: [
        ...createAsyncOptionsProviders(options),
        connection,
        ...transactions.providers,
        ...filterProviders(options.exceptionFilter),
        ...(options.extraProviders ?? []),
        { provide: DYNAMITE_MODULE_ID, useValue: randomUUID() },
      ],
      exports: [getDynamiteToken(options.name), ...transactions.exports],
    };
  }

  // Disconnecting at application shutdown, not in onModuleDestroy, lets other modules' onModuleDestroy
  // hooks still write (this global module's hooks run first).
  async onApplicationShutdown(): Promise<void> {
    const name = this.options.name ?? DEFAULT_CONNECTION_NAME;
    const dynamite = this.moduleRef.get<Dynamite>(getDynamiteToken(name));
    unregisterConnection(name, dynamite);
    dynamite.disconnect();
    dynamite.release();
  }
}
