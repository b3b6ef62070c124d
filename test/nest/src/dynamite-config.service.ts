import { Injectable, Module } from "@nestjs/common";
import type { DynamiteModuleOptions, DynamiteOptionsFactory } from "../../../lib/index.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";

/** An options factory for useClass / useExisting; counts its calls and remembers the name it was asked for. */
@Injectable()
export class DynamiteConfigService implements DynamiteOptionsFactory {
  calls: Array<string | undefined> = [];
  private readonly config = testClientConfig();

  createDynamiteOptions(connectionName?: string): DynamiteModuleOptions {
    this.calls.push(connectionName);
    return { ...this.config, retryAttempts: 0 };
  }
}

/** A module that owns the factory, for useExisting. */
@Module({ providers: [DynamiteConfigService], exports: [DynamiteConfigService] })
export class DynamiteConfigModule {}
