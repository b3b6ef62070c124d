import type { OperationKind } from "./operation.js";
import { runOperation } from "./operation-scope.js";

/**
 * Marks a method as one ORM operation (a span named `Model.action`, or `action` on the client).
 * On a static method `this` is the model class, on an instance method the row; on a method of
 * something that is not a model (the client) pass `kind` with `model: false`.
 */
export function traced(action: string, kind: OperationKind = "other", model = true) {
  return (_target: object, _property: string, descriptor: PropertyDescriptor): void => {
    const method = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      const modelClass = !model ? undefined : typeof this === "function" ? this : (this as object)?.constructor;
      return runOperation(action, modelClass, kind, () => method.apply(this, args));
    };
  };
}
