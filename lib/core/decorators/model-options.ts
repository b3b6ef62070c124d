import type { ModelOptions } from "../metadata/model-metadata.js";
import { metadataFor } from "../metadata/registry.js";

/** Model-wide options. @example `@Model({ strict: true }) class User extends Table<User> {}` */
export function Model(options: ModelOptions): ClassDecorator {
  return (target: Function) => {
    const model = metadataFor(target);
    model.options = { ...model.options, ...options };
  };
}
