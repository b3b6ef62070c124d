import { ValidationError, type ValidationIssue } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toStoredValue } from "./item-codec.js";

/** The stored primary key of `data`, after checking each part is present and of the key's type. */
export function extractKey(model: ModelMetadata, data: Record<string, unknown>): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const key: Record<string, unknown> = {};
  for (const property of model.keyProperties()) {
    const attribute = model.attributes.get(property);
    const value = toStoredValue(attribute, data[property]);
    const problem = keyProblem(model.keyTypeOf(property), value);
    if (problem) issues.push({ model: model.name, attribute: property, rule: "key", message: problem });
    else key[attribute?.column ?? property] = value;
  }
  if (issues.length) throw new ValidationError(issues);
  return key;
}

function keyProblem(type: "S" | "N" | "B", value: unknown): string | undefined {
  if (value === undefined || value === null) return "is part of the primary key and is missing";
  if (type === "S" && typeof value !== "string") return `is a string key but got ${typeof value}`;
  if (type === "S" && value === "") return "is a key and must not be an empty string";
  if (type === "N" && (typeof value !== "number" || !Number.isFinite(value)))
    return `is a number key but got ${typeof value === "number" ? value : typeof value}`;
  if (type === "B" && !(value instanceof Uint8Array)) return "is a binary key but got a non-binary value";
  if (typeof value === "string" && Buffer.byteLength(value) > 2048) return "is longer than DynamoDB's 2048-byte key limit";
  return undefined;
}

/** True when `data` holds every part of the primary key (no type check). */
export function hasFullKey(model: ModelMetadata, data: Record<string, unknown>): boolean {
  return model.keyProperties().every((property) => data[property] !== undefined && data[property] !== null);
}
