import type { AttributeMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { encodeValue } from "./storable-value.js";

/** In-memory value → stored value of one attribute (serializer, then every Date → ISO 8601; TTL → epoch seconds). */
export function toStoredValue(attribute: AttributeMetadata | undefined, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (attribute?.ttl && !attribute.serializer) return toEpochSeconds(value);
  return encodeValue(attribute?.serializer && value !== null ? attribute.serializer.toDb(value) : value);
}

/** Stored value → in-memory value of one attribute (then its `@Get` view, if any). */
export function fromStoredValue(attribute: AttributeMetadata | undefined, value: unknown): unknown {
  const data = decodeStoredValue(attribute, value);
  return attribute?.view && data !== undefined && data !== null ? attribute.view(data) : data;
}

function decodeStoredValue(attribute: AttributeMetadata | undefined, value: unknown): unknown {
  if (attribute?.serializer && value !== null && value !== undefined) return attribute.serializer.fromDb(value);
  if (attribute?.designType === Date && typeof value === "string") return new Date(value);
  if (attribute?.designType === Date && attribute.ttl && typeof value === "number") return new Date(value * 1000);
  return value;
}

/**
 * Property-keyed data → the stored item (column names, stored values). `undefined` and `null` are
 * dropped: an attribute set to null is absent, in create, save and update alike (`where({ x: null })`
 * finds it).
 */
export function toItem(model: ModelMetadata, data: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const property of Object.keys(data)) {
    const value = data[property];
    if (value === undefined || value === null || model.relations.has(property)) continue;
    const attribute = model.attributes.get(property);
    const stored = toStoredValue(attribute, value);
    if (stored !== undefined && stored !== null) item[attribute?.column ?? property] = stored;
  }
  return item;
}

/** A stored item → property-keyed data. Never validates: old rows must always load. */
export function fromItem(model: ModelMetadata, item: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(item)) {
    const property = model.propertyOfColumn(column);
    data[property] = fromStoredValue(model.attributes.get(property), value);
  }
  return data;
}

/** DynamoDB TTL reads a Number of epoch seconds; a Date or an ISO string is converted, whole seconds. */
function toEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return Math.floor(Date.parse(value) / 1000);
  return value;
}

/** The in-memory value of `property` in a stored snapshot (undefined for a new row). */
export function currentValue(model: ModelMetadata, snapshot: Record<string, unknown>, property: string): unknown {
  const attribute = model.attributes.get(property);
  return fromStoredValue(attribute, snapshot[attribute?.column ?? property]);
}
