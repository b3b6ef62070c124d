import type { ModelOptions } from "../metadata/model-metadata.js";
import { metadataFor } from "../metadata/registry.js";
import { streamViewTypeOf } from "../metadata/stream-view-type.js";

/** Model-wide options. @example `@Model({ strict: true, stream: "NEW_AND_OLD_IMAGES" }) class User extends Table<User> {}` */
export function Model(options: ModelOptions): ClassDecorator {
  return (target: Function) => {
    streamViewTypeOf(options?.stream, target.name);
    const model = metadataFor(target);
    model.options = { ...model.options, ...options };
  };
}
