import type { AttributeMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { metadataFor } from "../metadata/registry.js";
import { assertDeclarableName } from "../metadata/instance-api-names.js";

/**
 * Runs `apply` on the attribute record of a decorated property (also records `design:type`), with
 * the model it belongs to and the model class the decorator was written on.
 */
export function onAttribute(
  apply: (meta: AttributeMetadata, model: ModelMetadata, declaringClass: Function) => void,
): PropertyDecorator {
  return (prototype: object, propertyKey: string | symbol) => {
    assertDeclarableName(prototype, String(propertyKey), "attribute");
    const model = metadataFor(prototype.constructor);
    const attribute = model.attribute(String(propertyKey));
    attribute.designType ??= Reflect.getMetadata?.("design:type", prototype, propertyKey);
    apply(attribute, model, prototype.constructor);
  };
}
