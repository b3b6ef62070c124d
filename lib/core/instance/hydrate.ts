import type { ModelMetadata } from "../metadata/model-metadata.js";
import { fromItem } from "../item/item-codec.js";
import { assignAttributes } from "./construction-defaults.js";
import { markPersisted } from "./instance-state.js";

/** A persisted instance of the model from a stored item (no validation, no defaults). */
export function hydrate<M>(model: ModelMetadata, item: Record<string, unknown>): M {
  const instance = Object.create((model.target as { prototype: object }).prototype) as M & object;
  assignAttributes(instance, fromItem(model, item));
  markPersisted(instance, item);
  return instance;
}
