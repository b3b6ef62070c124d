import type { ModelMetadata } from "../metadata/model-metadata.js";
import { fromItem } from "../item/item-codec.js";
import { isInstanceApiName } from "../metadata/instance-api-names.js";
import { markPersisted } from "./instance-state.js";

/**
 * A persisted instance of the model from a stored item (no validation, no defaults). A stored
 * attribute named like the instance API (`save`, `toJSON`…, written by another client) is left out
 * of the instance and of its snapshot: it never replaces a method, and save() never touches it.
 */
export function hydrate<M>(model: ModelMetadata, item: Record<string, unknown>): M {
  const prototype = (model.target as { prototype: object }).prototype;
  const instance = Object.create(prototype) as M & object;
  const data = fromItem(model, item);
  let tracked = item;
  const safe = model.derived("dataAttributes", dataAttributes);
  for (const property in data) {
    if (safe.has(property) || !isInstanceApiName(prototype, property)) continue;
    delete data[property];
    if (tracked === item) tracked = { ...item };
    delete tracked[model.columnOf(property)];
  }
  Object.assign(instance, data);
  markPersisted(instance, tracked);
  return instance;
}

/** The declared attributes that name no part of the instance API (checked once per model, not per row). */
function dataAttributes(model: ModelMetadata): Set<string> {
  const prototype = (model.target as { prototype: object }).prototype;
  return new Set([...model.attributes.keys()].filter((property) => !isInstanceApiName(prototype, property)));
}
