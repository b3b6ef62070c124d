import { DynamiteError } from "../errors/core-errors.js";
import type { HookEvent, ModelMetadata } from "../metadata/model-metadata.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { currentWriteQueue } from "../engine/write-scope.js";

/** Runs the model's hooks of `event` on the instance, one after the other, in declaration order. */
export async function runHooks(model: ModelMetadata, instance: object, event: HookEvent, argument?: unknown): Promise<void> {
  for (const hook of model.hooks) {
    if (hook.event !== event) continue;
    const method = (instance as Record<string, unknown>)[hook.method];
    if (typeof method !== "function") {
      throw new DynamiteError(`${model.name}.${hook.method} is declared as a ${event} hook but is not a method`);
    }
    await (method as (arg?: unknown) => unknown).call(instance, argument);
  }
}

/** True when the model declares at least one hook of `event` (lets writes skip the work). */
export function hasHooks(model: ModelMetadata, event: HookEvent): boolean {
  return model.hooks.some((hook) => hook.event === event);
}

/**
 * Runs after-hooks once the write is durable: now when it was sent alone, after the commit when
 * it joined a transaction (never when the transaction fails).
 */
export async function runAfterHooks(
  model: ModelMetadata,
  instance: object,
  event: HookEvent,
  tx: WriteQueue | undefined,
  argument?: unknown,
): Promise<void> {
  if (!hasHooks(model, event)) return;
  const transaction = tx ?? currentWriteQueue();
  if (transaction) transaction.afterCommit(() => runHooks(model, instance, event, argument));
  else await runHooks(model, instance, event, argument);
}

/** Before-create hooks of several new instances, one after the other, each after its defaults are filled. */
export async function runBeforeCreateHooks(
  model: ModelMetadata,
  instances: object[],
  applyDefaults: (instance: Record<string, unknown>) => void,
): Promise<void> {
  if (!hasHooks(model, "beforeCreate")) return;
  for (const instance of instances) {
    applyDefaults(instance as Record<string, unknown>);
    await runHooks(model, instance, "beforeCreate");
  }
}
