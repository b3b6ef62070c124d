import { ValidationError, type ValidationIssue } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toStoredValue } from "./item-codec.js";
import { keyValueProblem } from "../support/dynamo-limits.js";

/** The stored primary key of `data`, after checking each part is present, of the key's type and within DynamoDB's limits. */
export function extractKey(model: ModelMetadata, data: Record<string, unknown>): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const key: Record<string, unknown> = {};
  for (const property of model.keyProperties()) {
    const attribute = model.attributes.get(property);
    const value = toStoredValue(attribute, data[property]);
    const role = property === model.partitionKey ? "partition" : "sort";
    const problem = keyValueProblem(model.keyTypeOf(property), role, value);
    if (problem) issues.push({ model: model.name, attribute: property, rule: "key", message: problem });
    else key[attribute?.column ?? property] = value;
  }
  if (issues.length) throw new ValidationError(issues);
  return key;
}

/** True when `data` holds every part of the primary key (no type check). */
export function hasFullKey(model: ModelMetadata, data: Record<string, unknown>): boolean {
  return model.keyProperties().every((property) => data[property] !== undefined && data[property] !== null);
}
