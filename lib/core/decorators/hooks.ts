import type { HookEvent } from "../metadata/model-metadata.js";
import { metadataFor } from "../metadata/registry.js";

function hook(event: HookEvent): MethodDecorator {
  return (prototype: object, propertyKey: string | symbol) => {
    const model = metadataFor(prototype.constructor);
    const method = String(propertyKey);
    // an override of an inherited hook keeps the inherited position and runs once
    if (!model.hooks.some((h) => h.event === event && h.method === method)) model.hooks.push({ event, method });
  };
}

/** Runs before a new row is written; may change the instance (persisted) or throw (nothing written). */
export const BeforeCreate = (): MethodDecorator => hook("beforeCreate");
/** Runs after a create is durable (in a transaction: after commit). */
export const AfterCreate = (): MethodDecorator => hook("afterCreate");
/** Runs before an update with the changed attributes (`{ property: newValue }`); may change the instance or throw. */
export const BeforeUpdate = (): MethodDecorator => hook("beforeUpdate");
/** Runs after an update is durable, with the changed attributes. */
export const AfterUpdate = (): MethodDecorator => hook("afterUpdate");
/** Runs before a destroy (soft or hard); throwing cancels it. */
export const BeforeDestroy = (): MethodDecorator => hook("beforeDestroy");
/** Runs after a destroy is durable. */
export const AfterDestroy = (): MethodDecorator => hook("afterDestroy");
