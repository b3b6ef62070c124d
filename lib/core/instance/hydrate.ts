import type { AttributeMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { fromStoredValue } from "../item/item-codec.js";
import { isInstanceApiName } from "../metadata/instance-api-names.js";
import { adoptSnapshot } from "./instance-state.js";

/** How one declared column is read into its property. */
interface ColumnReader {
  property: string;
  attribute: AttributeMetadata;
  /** Stored as it is held: no serializer, no Date, no `@Get` view. */
  plain: boolean;
  /** Names no part of the instance API (checked once per model, not per row). */
  data: boolean;
}

/**
 * A persisted instance of the model from a stored item (no validation, no defaults). A stored
 * attribute named like the instance API (`save`, `toJSON`…, written by another client) is left out
 * of the instance and of its snapshot: it never replaces a method, and save() never touches it.
 */
export function hydrate<M>(model: ModelMetadata, item: Record<string, unknown>): M {
  const prototype = (model.target as { prototype: object }).prototype;
  const instance = Object.create(prototype) as Record<string, unknown>;
  const readers = model.derived("columnReaders", columnReaders);
  let tracked = item;
  for (const column in item) {
    const reader = readers.get(column);
    if (reader?.data) {
      instance[reader.property] = reader.plain ? item[column] : fromStoredValue(reader.attribute, item[column]);
      continue;
    }
    // a column no attribute declares (or a declared one that names the API): read as stored, unless it names the API
    const property = reader?.property ?? column;
    if (isInstanceApiName(prototype, property)) {
      if (tracked === item) tracked = { ...item };
      delete tracked[column];
      continue;
    }
    instance[property] = fromStoredValue(reader?.attribute ?? model.attributes.get(property), item[column]);
  }
  adoptSnapshot(instance, tracked); // a read item is ours alone

  return instance as M;
}

function columnReaders(model: ModelMetadata): Map<string, ColumnReader> {
  const prototype = (model.target as { prototype: object }).prototype;
  const readers = new Map<string, ColumnReader>();
  for (const attribute of model.attributes.values()) {
    if (model.propertyOfColumn(attribute.column) !== attribute.property) continue; // one attribute reads a column
    const plain = !attribute.serializer && attribute.designType !== Date && !attribute.view;
    readers.set(attribute.column, {
      property: attribute.property,
      attribute,
      plain,
      data: !isInstanceApiName(prototype, attribute.property),
    });
  }
  return readers;
}
