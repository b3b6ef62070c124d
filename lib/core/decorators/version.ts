import { onAttribute } from "./property-target.js";

/**
 * Optimistic locking: the number attribute is 1 on create, and every save/update/destroy/restore/
 * increment sends `version = :expected` as a condition and increments it. A stale instance gets a
 * ConflictError and the row is left unchanged.
 * @example `@Version() declare version: CreationOptional<number>;`
 */
export function Version(): PropertyDecorator {
  return onAttribute((meta) => {
    meta.version = true;
    meta.designType = Number;
  });
}
