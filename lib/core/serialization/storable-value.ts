import { ValidationError } from "../errors.js";

/** Throws a ValidationError for values DynamoDB cannot store faithfully (NaN, functions, cycles…). */
export function assertStorable(model: string, attribute: string, value: unknown, seen = new Set<object>()): void {
  const fail = (message: string) => {
    throw ValidationError.of(model, attribute, "storable", message);
  };
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) fail(`${value} is not a storable number; DynamoDB numbers must be finite`);
      return;
    case "function":
      return fail("a function cannot be stored");
    case "symbol":
      return fail("a symbol cannot be stored");
    case "bigint":
      return fail("a bigint cannot be stored as is; use @Serialize to store it as a string or number");
    case "object":
      break;
    default:
      return;
  }
  if (value === null || value instanceof Date || value instanceof Uint8Array) return;
  if (seen.has(value as object)) fail("a circular structure cannot be stored");
  seen.add(value as object);
  const children = value instanceof Set || Array.isArray(value) ? [...(value as Iterable<unknown>)] : Object.values(value as object);
  for (const child of children) assertStorable(model, attribute, child, seen);
  seen.delete(value as object);
}
