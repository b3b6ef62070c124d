import type { ModuleRef } from "@nestjs/core";
import type { EventSink, PublishedEvent } from "../../core/index.js";

type Deliver = (event: PublishedEvent) => unknown;

// Optional peers: imported only when installed, found through DI only when the app registered them.
async function optionalProvider<T>(moduleRef: ModuleRef, load: () => Promise<unknown>): Promise<T | undefined> {
  let token: unknown;
  try {
    token = await load();
  } catch {
    return undefined; // the package is not installed
  }
  try {
    return moduleRef.get(token as never, { strict: false }) as T;
  } catch {
    return undefined; // installed, but the app did not import its module
  }
}

const isClassInstance = (value: unknown): value is object =>
  typeof value === "object" &&
  value !== null &&
  Object.getPrototypeOf(value) !== Object.prototype &&
  Object.getPrototypeOf(value) !== null;

async function targetsOf(moduleRef: ModuleRef): Promise<Deliver[]> {
  const targets: Deliver[] = [];
  const emitter = await optionalProvider<{ emitAsync(name: string, ...values: unknown[]): Promise<unknown[]> }>(
    moduleRef,
    async () => (await import("@nestjs/event-emitter")).EventEmitter2,
  );
  if (emitter) targets.push((event) => emitter.emitAsync(event.name, event.payload));
  const bus = await optionalProvider<{ publish(event: object): unknown }>(
    moduleRef,
    async () => (await import("@nestjs/cqrs")).EventBus,
  );
  // The EventBus routes by the event's class, so only class instances are handed to it.
  if (bus) targets.push((event) => (isClassInstance(event.payload) ? bus.publish(event.payload) : undefined));
  return targets;
}

/**
 * A sink that hands each committed event to `@nestjs/event-emitter` (`emitAsync(name, payload)`) and to
 * the `@nestjs/cqrs` EventBus (`publish(payload)` for class instances), when the app has them.
 * They are looked up on the first event, once the application is initialized.
 */
export function nestEventSink(moduleRef: ModuleRef): EventSink {
  let targets: Promise<Deliver[]> | undefined;
  return {
    async deliver(event) {
      targets ??= targetsOf(moduleRef);
      const failures: unknown[] = [];
      for (const deliver of await targets) {
        try {
          await deliver(event);
        } catch (error) {
          failures.push(error); // one failing bus does not keep the event from the other
        }
      }
      if (failures.length) throw failures[0];
    },
  };
}
