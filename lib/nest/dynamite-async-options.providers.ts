import type { Provider } from "@nestjs/common";
import { ConfigError } from "../core/index.js";
import { DYNAMITE_MODULE_OPTIONS } from "./dynamite.constants.js";
import type {
  DynamiteModuleAsyncOptions,
  DynamiteModuleOptions,
  DynamiteOptionsFactory,
} from "./interfaces/dynamite-options.interface.js";

// The name given to forRootAsync() has already named the providers, so it wins over the factory's.
const named = (options: DynamiteModuleOptions, name?: string): DynamiteModuleOptions => ({ ...options, name });

/** The provider of `DYNAMITE_MODULE_OPTIONS` for `forRootAsync()`, plus the `useClass` factory itself. */
export function createAsyncOptionsProviders(options: DynamiteModuleAsyncOptions): Provider[] {
  if (options.useFactory) {
    const factory = options.useFactory;
    return [
      {
        provide: DYNAMITE_MODULE_OPTIONS,
        useFactory: async (...args: unknown[]) => named(await factory(...args), options.name),
        inject: options.inject ?? [],
      },
    ];
  }
  const factoryClass = options.useExisting ?? options.useClass;
  if (!factoryClass) {
    throw new ConfigError("DynamiteModule.forRootAsync() needs one of useFactory, useClass or useExisting");
  }
  const optionsProvider: Provider = {
    provide: DYNAMITE_MODULE_OPTIONS,
    useFactory: async (factory: DynamiteOptionsFactory) => named(await factory.createDynamiteOptions(options.name), options.name),
    inject: [factoryClass],
  };
  return options.useExisting ? [optionsProvider] : [optionsProvider, { provide: factoryClass, useClass: factoryClass }];
}
