import { Module, type DynamicModule } from "@nestjs/common";
import { DiscoveryModule } from "@nestjs/core";
import type { DynamiteStreamModuleOptions } from "./dynamite-stream-options.interface.js";
import { DYNAMITE_STREAM_OPTIONS, DynamiteStreams } from "./dynamite-streams.service.js";
import { TableChangeExplorer } from "./table-change.explorer.js";

/**
 * Change streams in a Nest app: `@OnTableChange` handlers, polling with checkpoints, the outbox.
 * @example imports: [DynamiteModule.forRoot({...}), DynamiteStreamModule.forRoot({ poll: true, outbox: true })]
 */
@Module({})
export class DynamiteStreamModule {
  static forRoot(options: DynamiteStreamModuleOptions = {}): DynamicModule {
    return {
      module: DynamiteStreamModule,
      imports: [DiscoveryModule],
      providers: [{ provide: DYNAMITE_STREAM_OPTIONS, useValue: options }, TableChangeExplorer, DynamiteStreams],
      exports: [DynamiteStreams],
    };
  }
}
