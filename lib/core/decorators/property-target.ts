import type { AttributeMetadata } from "../metadata/model-metadata.js";
import { metadataFor } from "../metadata/registry.js";

/** Runs `apply` on the attribute record of a decorated property (also records `design:type`). */
export function onAttribute(apply: (meta: AttributeMetadata) => void): PropertyDecorator {
  return (prototype: object, propertyKey: string | symbol) => {
    const model = metadataFor(prototype.constructor);
    const attribute = model.attribute(String(propertyKey));
    attribute.designType ??= Reflect.getMetadata?.("design:type", prototype, propertyKey);
    apply(attribute);
  };
}
