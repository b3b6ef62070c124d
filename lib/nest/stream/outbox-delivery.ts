import type { ModuleRef } from "@nestjs/core";
import { ConfigError, type PublishedEvent } from "../../core/index.js";

type EventEmitterLike = { emitAsync(name: string, ...values: unknown[]): Promise<unknown[]> };

/**
 * The default outbox target: `@nestjs/event-emitter` (an optional peer), so `@OnEvent(name)` handlers
 * receive relayed events. Fails at startup, not at the first event, when the app does not have it.
 */
export async function eventEmitterDelivery(moduleRef: ModuleRef): Promise<(event: PublishedEvent) => unknown> {
  let emitter: EventEmitterLike | undefined;
  try {
    const { EventEmitter2 } = await import("@nestjs/event-emitter");
    emitter = moduleRef.get<EventEmitterLike>(EventEmitter2 as never, { strict: false });
  } catch {
    emitter = undefined;
  }
  if (!emitter) {
    throw new ConfigError(
      "DynamiteStreamModule: the outbox relays events to @nestjs/event-emitter; import EventEmitterModule.forRoot() or give outbox.deliver",
    );
  }
  return (event) => emitter.emitAsync(event.name, event.payload);
}
