import { Injectable, Logger } from "@nestjs/common";
import { DiscoveryService, MetadataScanner } from "@nestjs/core";
import type { ChangeRecord } from "../../core/index.js";
import { TABLE_CHANGE_METADATA, type TableChangeSubscription } from "./on-table-change.decorator.js";

/** One provider method subscribed with `@OnTableChange`. */
export interface TableChangeHandler extends TableChangeSubscription {
  /** `Class.method`, for logs. */
  name: string;
  call: (change: ChangeRecord) => unknown;
}

/** Finds the `@OnTableChange` methods of every provider (Nest's DiscoveryService). */
@Injectable()
export class TableChangeExplorer {
  private readonly logger = new Logger("DynamiteStreams");

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  handlers(): TableChangeHandler[] {
    const handlers: TableChangeHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== "object") continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const subscriptions = Reflect.getMetadata(TABLE_CHANGE_METADATA, (prototype as Record<string, object>)[method]) as
          TableChangeSubscription[] | undefined;
        if (!subscriptions) continue;
        const name = `${instance.constructor?.name ?? "?"}.${method}`;
        if (!wrapper.isDependencyTreeStatic()) {
          this.logger.warn(`${name}: @OnTableChange on a request-scoped provider is ignored (no request to resolve it in)`);
          continue;
        }
        const call = (change: ChangeRecord) => (instance[method] as (change: ChangeRecord) => unknown).call(instance, change);
        for (const subscription of subscriptions) handlers.push({ ...subscription, name, call });
      }
    }
    return handlers;
  }
}
