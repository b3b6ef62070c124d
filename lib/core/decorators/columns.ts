import type { Validator } from "../metadata/model-metadata.js";
import { onAttribute } from "./property-target.js";

/** Declares a plain attribute so the model knows it (needed for strict models and projections). */
export function Attribute(): PropertyDecorator {
  return onAttribute(() => undefined);
}

/** A value or a factory used when a create leaves the attribute undefined. */
export function Default(value: unknown | (() => unknown)): PropertyDecorator {
  return onAttribute((meta) => {
    meta.hasDefault = true;
    meta.defaultValue = value;
  });
}

/** Rejects `null`, `undefined` and the empty string on every write; `message` replaces the default one. */
export function NotNull(message?: string): PropertyDecorator {
  return onAttribute((meta) => {
    meta.notNull = true;
    if (message !== undefined) meta.notNullMessage = message;
  });
}

/** One or several validators `(value, current) => true | message`; `current` is the value as last read or written. */
export function Validate(validators: Validator | Validator[]): PropertyDecorator {
  return onAttribute((meta) => {
    meta.validators.push(...(Array.isArray(validators) ? validators : [validators]));
  });
}

/** Transforms the value on every write, before validation (e.g. trim); also gets the value as last read or written. */
export function Mutate(mutator: (value: any, current?: any) => unknown): PropertyDecorator {
  return onAttribute((meta) => {
    meta.mutators.push(mutator);
  });
}

/** Converts between the stored form and the in-memory form: `fromDb` on read, `toDb` on write. */
export function Serialize(fromDb: (value: any) => unknown, toDb: (value: any) => unknown): PropertyDecorator {
  return onAttribute((meta) => {
    meta.serializer = { fromDb, toDb };
  });
}
