import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { Injectable } from "@nestjs/common";
import { ModuleRef } from "@nestjs/core";
import type { Dynamite } from "../../core/index.js";
import { getDynamiteToken } from "../common/dynamite.utils.js";

/** Structurally a `HealthIndicatorResult` of `@nestjs/terminus`, which stays an optional dependency. */
export type DynamiteHealthResult<K extends string> = Record<K, { status: "up" | "down"; message?: string }>;

export interface DynamitePingOptions {
  /** Connection to check (the default one when omitted). */
  connection?: string;
  /** Milliseconds before the check counts as down (default 1000). */
  timeout?: number;
}

/**
 * Reports a connection up or down for `@nestjs/terminus` with one cheap `ListTables` (Limit 1).
 * @example this.health.check([() => this.dynamite.pingCheck("dynamodb")])
 */
@Injectable()
export class DynamiteHealthIndicator {
  constructor(private readonly moduleRef: ModuleRef) {}

  async pingCheck<K extends string>(key: K, options: DynamitePingOptions = {}): Promise<DynamiteHealthResult<K>> {
    const down = (message: string) => ({ [key]: { status: "down", message } }) as DynamiteHealthResult<K>;
    const dynamite = this.moduleRef.get<Dynamite>(getDynamiteToken(options.connection), { strict: false });
    if (!dynamite.isReady()) return down("not connected");
    try {
      const abortSignal = AbortSignal.timeout(options.timeout ?? 1000);
      await dynamite.getClient().send(new ListTablesCommand({ Limit: 1 }), { abortSignal });
      return { [key]: { status: "up" } } as DynamiteHealthResult<K>;
    } catch (error) {
      return down((error as Error).message);
    }
  }
}
