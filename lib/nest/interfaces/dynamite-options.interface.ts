import type { ModuleMetadata, Provider, Type } from "@nestjs/common";
import type { DynamiteConfig, ModelClass } from "../../core/index.js";

/** What `DynamiteModule.forRoot()` (or an async factory) takes: the client config plus module behaviour. */
export interface DynamiteModuleOptions extends Omit<DynamiteConfig, "tables"> {
  /** Connection name; omit for the default connection (injectable by the `Dynamite` class). */
  name?: string;
  /** Model classes of this connection; tables of `forFeature()` are added when `autoLoadTables` is on. */
  tables?: ModelClass[];
  /** Create the tables of every `forFeature([...], name)` of this connection with the connection (default true); off, each is created with its repository. */
  autoLoadTables?: boolean;
  /** Further attempts when connecting/syncing fails (default 9). */
  retryAttempts?: number;
  /** Milliseconds between attempts (default 3000). */
  retryDelay?: number;
  /** Whether an error is worth another attempt (default: every error except a `ConfigError`). */
  toRetry?: (error: unknown) => boolean;
}

/** Options of `forRoot()`: the connection options plus how the module registers itself. */
export interface DynamiteRootOptions extends DynamiteModuleOptions {
  /** Register `DynamiteExceptionFilter` globally (default true). */
  exceptionFilter?: boolean;
}

/** A class that builds the options (`useClass` / `useExisting`). */
export interface DynamiteOptionsFactory {
  createDynamiteOptions(connectionName?: string): Promise<DynamiteModuleOptions> | DynamiteModuleOptions;
}

/** Options of `forRootAsync()`, as in `@nestjs/typeorm`. */
export interface DynamiteModuleAsyncOptions extends Pick<ModuleMetadata, "imports"> {
  /** Connection name (known before the factory runs, because it names the providers). */
  name?: string;
  useExisting?: Type<DynamiteOptionsFactory>;
  useClass?: Type<DynamiteOptionsFactory>;
  useFactory?: (...args: any[]) => Promise<DynamiteModuleOptions> | DynamiteModuleOptions;
  inject?: any[];
  extraProviders?: Provider[];
  /** Register `DynamiteExceptionFilter` globally (default true). */
  exceptionFilter?: boolean;
}
