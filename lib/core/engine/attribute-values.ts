import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { convertToAttr, convertToNative } from "@aws-sdk/util-dynamodb";

/**
 * JavaScript values to DynamoDB AttributeValues and back, with the document client's rules for the
 * options the engine always used (`removeUndefinedValues`, `convertClassInstanceToMap`, numbers as
 * JavaScript numbers, BigInt beyond the safe range). Strings, booleans, null, safe numbers, arrays
 * and plain objects are converted here, in one pass; every other value (sets, binary, BigInt,
 * NumberValue, class instances, NaN, unsafe numbers) goes to `@aws-sdk/util-dynamodb`, so its
 * result and its errors are the SDK's own. One difference: a map key `__proto__` is kept as a key
 * both ways, where an assignment would have replaced the map's prototype and lost the attribute.
 */
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true, convertTopLevelContainer: true };
const UNMARSHALL = { convertWithoutMapWrapper: true };

type Native = unknown;
type AttributeMap = Record<string, AttributeValue>;

export function toAttributeValue(value: Native): AttributeValue {
  switch (typeof value) {
    case "string":
      return { S: value };
    case "boolean":
      return { BOOL: value };
    case "number":
      // NaN and ±Infinity fail both comparisons: the SDK refuses them with its own message
      if (value <= Number.MAX_SAFE_INTEGER && value >= Number.MIN_SAFE_INTEGER) return { N: String(value) };
      break;
    case "object": {
      if (value === null) return { NULL: true };
      if (Array.isArray(value)) return { L: toAttributeList(value) };
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) return { M: toAttributeMap(value as Record<string, Native>) };
      break;
    }
  }
  return convertToAttr(value, MARSHALL) as AttributeValue;
}

/** An item's attributes (or a key's, or expression values), each converted; undefined and functions left out. */
export function toAttributeMap(values: Record<string, Native>): AttributeMap {
  const map: AttributeMap = {};
  for (const name in values) {
    const value = values[name];
    if (value === undefined || typeof value === "function") continue;
    setKey(map, name, toAttributeValue(value));
  }
  return map;
}

function toAttributeList(values: Native[]): AttributeValue[] {
  const list: AttributeValue[] = [];
  for (const value of values) {
    if (value === undefined || typeof value === "function") continue;
    list.push(toAttributeValue(value));
  }
  return list;
}

export function fromAttributeValue(attribute: AttributeValue): Native {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) {
    const number = Number(attribute.N);
    if (number <= Number.MAX_SAFE_INTEGER && number >= Number.MIN_SAFE_INTEGER) return number;
  } else if (attribute.M !== undefined) return fromAttributeMap(attribute.M);
  else if (attribute.BOOL !== undefined) return attribute.BOOL;
  else if (attribute.L !== undefined) return attribute.L.map(fromAttributeValue);
  else if (attribute.NULL !== undefined) return null;
  return convertToNative(attribute as never, UNMARSHALL);
}

/** An item DynamoDB returned, as JavaScript values. */
export function fromAttributeMap(map: AttributeMap): Record<string, Native> {
  const values: Record<string, Native> = {};
  for (const name in map) setKey(values, name, fromAttributeValue(map[name]));
  return values;
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
