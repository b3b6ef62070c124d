import { ValidationError } from "../errors/core-errors.js";

/** DynamoDB numbers: magnitudes from 1E-130 to below 1E+126 (and 0). */
const SMALLEST_MAGNITUDE = 1e-130;

/** Throws a ValidationError for values DynamoDB cannot store faithfully (NaN, functions, cycles…). */
export function assertStorable(model: string, attribute: string, value: unknown, seen = new Set<object>()): void {
  const fail = (message: string) => {
    throw ValidationError.of(model, attribute, "storable", message);
  };
  switch (typeof value) {
    case "number":
      return assertStorableNumber(value, fail);
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
  if (value instanceof Set) assertStorableSet(value, fail);
  else if (!Array.isArray(value) && Object.keys(value as object).includes(""))
    fail('an attribute name must not be empty (a map holds the key "")');
  const children =
    value instanceof Set || Array.isArray(value) ? [...(value as Iterable<unknown>)] : Object.values(value as object);
  for (const child of children) assertStorable(model, attribute, child, seen);
  seen.delete(value as object);
}

/**
 * The document client refuses numbers beyond ±2^53 (they would lose digits) and DynamoDB refuses
 * magnitudes below 1E-130: both would otherwise fail untyped, after validation.
 */
function assertStorableNumber(value: number, fail: (message: string) => never): void {
  if (!Number.isFinite(value)) fail(`${value} is not a storable number; DynamoDB numbers must be finite`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    fail(`${value} is beyond ±2^53, which a JavaScript number cannot hold exactly; store it as a string with @Serialize`);
  }
  if (value !== 0 && Math.abs(value) < SMALLEST_MAGNITUDE)
    fail(`${value} is outside DynamoDB's number range (magnitude 1E-130 to 1E+126)`);
}

/** DynamoDB sets are non-empty and hold one scalar type: strings (SS), numbers (NS) or binaries (BS). */
function assertStorableSet(set: Set<unknown>, fail: (message: string) => never): void {
  if (set.size === 0) fail("an empty set cannot be stored; remove the attribute (null) instead");
  const kinds = new Set([...set].map((member) => (member instanceof Uint8Array ? "binary" : typeof member)));
  const [kind] = kinds;
  if (kinds.size > 1 || !["string", "number", "binary"].includes(kind)) {
    fail("a set must hold only strings, only numbers or only binaries");
  }
}
