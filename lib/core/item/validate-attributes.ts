import { ValidationError, type ValidationIssue } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { currentValue, toItem, toStoredValue } from "./item-codec.js";
import { assertStorable } from "./storable-value.js";
import { indexKeyIssues } from "./limit-checks.js";
import { assertItemSize } from "./item-size.js";

/**
 * Applies `@Mutate`/`@Set` functions to the given properties, in place; they also get the value in
 * `snapshot` (the stored row as last read or written; empty for a new row).
 */
export function applyMutators(
  model: ModelMetadata,
  data: Record<string, unknown>,
  properties: Iterable<string>,
  snapshot: Record<string, unknown> = {},
): void {
  for (const property of properties) {
    const attribute = model.attributes.get(property);
    if (!attribute?.mutators.length || data[property] === undefined || data[property] === null) continue;
    const current = currentValue(model, snapshot, property);
    data[property] = attribute.mutators.reduce<unknown>((value, mutate) => mutate(value, current), data[property]);
  }
}

/**
 * Checks `@NotNull`, `@Validate`, storability and strictness of the given properties; throws one
 * ValidationError listing every failure. `checkAllNotNull` also checks properties not in the write.
 * Returns the stored item of `data` it checked the index keys and the size of.
 */
export function validateAttributes(
  model: ModelMetadata,
  data: Record<string, unknown>,
  properties: Iterable<string>,
  checkAllNotNull: boolean,
  /** The stored row as last read or written (empty for a new row): validators get its value as `current`. */
  snapshot: Record<string, unknown> = {},
): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const issue = (attribute: string, rule: string, message: string) =>
    issues.push({ model: model.name, attribute, rule, message });
  // a Set only when @NotNull properties outside the write join it (so each property is checked once)
  const notNull = checkAllNotNull ? model.derived("notNullProperties", notNullProperties) : NONE;
  let checked: Iterable<string> = properties;
  if (notNull.length) {
    const all = new Set(properties);
    for (const property of notNull) all.add(property);
    checked = all;
  }

  for (const property of checked) {
    if (model.relations.has(property)) continue;
    if (property === "") {
      issue('""', "attributeName", "an attribute name must not be empty");
      continue;
    }
    const attribute = model.attributes.get(property);
    const value = data[property];
    if (!attribute && model.options.strict) {
      issue(property, "strict", `is not an attribute of ${model.name} (strict model)`);
      continue;
    }
    if (attribute?.notNull && (value === undefined || value === null || value === "")) {
      issue(property, "notNull", attribute.notNullMessage ?? "must not be null, undefined or empty");
      continue;
    }
    if (value === undefined || value === null) continue;
    try {
      // a @Serialize attribute is stored in its serialized form (e.g. a bigint as a string)
      assertStorable(model.name, property, attribute?.serializer ? toStoredValue(attribute, value) : value);
    } catch (error) {
      issues.push(...(error as ValidationError).issues);
      continue;
    }
    if (!attribute?.validators.length) continue;
    for (const validator of attribute.validators) {
      const result = validator(value, currentValue(model, snapshot, property));
      if (result !== true) issue(property, validator.name || "validate", typeof result === "string" ? result : "is invalid");
    }
  }
  if (issues.length) throw new ValidationError(issues);
  // `data` holds every attribute the row will have after this write (or, for a patch, at least those)
  const item = toItem(model, data);
  const indexIssues = indexKeyIssues(model, item);
  if (indexIssues.length) throw new ValidationError(indexIssues);
  assertItemSize(model, item);
  return item;
}

const NONE: readonly string[] = [];

function notNullProperties(model: ModelMetadata): string[] {
  return [...model.attributes.values()].filter((attribute) => attribute.notNull).map((attribute) => attribute.property);
}
