import { ValidationError } from "../errors/core-errors.js";
import { NumberValue } from "@aws-sdk/lib-dynamodb";
import { isPlainObject } from "../support/plain-object.js";

/** DynamoDB numbers: magnitudes from 1E-130 to below 1E+126 (and 0). */
const SMALLEST_MAGNITUDE = 1e-130;

/**
 * The value codec. What may be stored, at any depth: strings, finite numbers, booleans, null, plain
 * objects (maps), arrays (lists), Sets of one scalar type, `Uint8Array`/`Buffer` (binary), `Date`
 * (stored as its ISO 8601 string, see `encodeValue`) and the document client's `NumberValue`.
 * Everything else is refused with the path of the offending value (`meta.tags[2]`): it would not
 * come back as it went in.
 */
export function assertStorable(model: string, attribute: string, value: unknown): void {
  const problem = storableProblem(value, attribute, undefined);
  if (problem) throw ValidationError.of(model, problem.path, "storable", problem.message);
}

/** The stored form of an in-memory value: every `Date`, at any depth, becomes its ISO 8601 string. */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  if (Array.isArray(value)) {
    const encoded = value.map(encodeValue);
    return encoded.some((element, i) => element !== value[i]) ? encoded : value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const [name, child] of Object.entries(value)) {
      const encoded = encodeValue(child);
      if (encoded !== child) (copy ??= { ...value })[name] = encoded;
    }
    return copy ?? value;
  }
  return value;
}

interface Problem {
  path: string;
  message: string;
}

const problemAt = (path: string, message: string): Problem => ({ path, message });

const childPath = (path: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;

/** `seen`: the containers on the path to `value`, made at the first container (scalars, most values, need none). */
function storableProblem(value: unknown, path: string, seen: Set<object> | undefined): Problem | undefined {
  switch (typeof value) {
    case "number":
      return numberProblem(value, path);
    case "function":
      return problemAt(path, "a function cannot be stored");
    case "symbol":
      return problemAt(path, "a symbol cannot be stored");
    case "bigint":
      return problemAt(path, "a bigint cannot be stored as is; use @Serialize to store it as a string or number");
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null || value instanceof Uint8Array || value instanceof NumberValue) return undefined;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? problemAt(path, "an invalid Date cannot be stored") : undefined;
  if (value instanceof Map)
    return problemAt(path, "a Map cannot be stored; use a plain object (Object.fromEntries(map)) or @Serialize");
  if (!(value instanceof Set) && !Array.isArray(value) && !isPlainObject(value)) {
    const name = (value as object).constructor?.name ?? "class";
    return problemAt(path, `a ${name} instance cannot be stored; pass a plain object or use @Serialize`);
  }
  seen ??= new Set();
  if (seen.has(value as object)) return problemAt(path, "a circular structure cannot be stored");
  seen.add(value as object);
  try {
    if (value instanceof Set) return setProblem(value, path);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (value[i] === undefined)
          return { path: `${path}[${i}]`, message: "undefined inside a list cannot be stored (the list would shift); use null" };
        const problem = storableProblem(value[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return undefined;
    }
    for (const [name, child] of Object.entries(value as object)) {
      if (name === "") return problemAt(path, 'an attribute name must not be empty (a map holds the key "")');
      const problem = storableProblem(child, childPath(path, name), seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(value as object);
  }
}

/**
 * The document client refuses numbers beyond ±2^53 (they would lose digits) and DynamoDB refuses
 * magnitudes below 1E-130: both would otherwise fail untyped, after validation.
 */
function numberProblem(value: number, path: string): Problem | undefined {
  if (!Number.isFinite(value)) return problemAt(path, `${value} is not a storable number; DynamoDB numbers must be finite`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return problemAt(
      path,
      `${value} is beyond ±2^53, which a JavaScript number cannot hold exactly; store it as a string with @Serialize`,
    );
  }
  if (value !== 0 && Math.abs(value) < SMALLEST_MAGNITUDE)
    return problemAt(path, `${value} is outside DynamoDB's number range (magnitude 1E-130 to 1E+126)`);
  return undefined;
}

/** DynamoDB sets are non-empty and hold one scalar type: strings (SS), numbers (NS) or binaries (BS). */
function setProblem(set: Set<unknown>, path: string): Problem | undefined {
  if (set.size === 0) return problemAt(path, "an empty set cannot be stored; remove the attribute (null) instead");
  const kinds = new Set([...set].map((member) => (member instanceof Uint8Array ? "binary" : typeof member)));
  const [kind] = kinds;
  if (kinds.size > 1 || !["string", "number", "binary"].includes(kind)) {
    return problemAt(path, "a set must hold only strings, only numbers or only binaries");
  }
  for (const member of set) {
    const problem = typeof member === "number" ? numberProblem(member, path) : undefined;
    if (problem) return problem;
  }
  return undefined;
}
