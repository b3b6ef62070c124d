import { assertOperand, type Condition } from "../expression/condition.js";
import { ValidationError } from "../errors/core-errors.js";
import { looksLikeOperator } from "../expression/operator-table.js";
import { keyOperandProblem } from "../item/limit-checks.js";
import { canonicalOperator } from "../expression/operator-aliases.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { toStoredValue } from "../item/item-codec.js";
import { assertStorable } from "../item/storable-value.js";
import { isPlainObject } from "../support/plain-object.js";
import type { FilterClause, Filters, QueryOptions } from "./query-types.js";

function isOperatorMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) return false;
  if (value instanceof Uint8Array || value instanceof Set) return false;
  // one operator-looking key makes it an operator map, so `{ $gt: 1 }` or a typo such as `">=="` is
  // refused instead of silently compared as an equal map
  return Object.keys(value).some(looksLikeOperator);
}

/**
 * `{ a: 1, b: [1, 2], c: null, d: { ">=": 5 } }` → one clause per comparison, operators checked.
 * No filters (`undefined`) is every row; null, arrays and class instances are refused, never read as "no filter".
 */
export function clausesOf(model: ModelMetadata, filters: Filters | undefined): FilterClause[] {
  if (filters === undefined) return [];
  if (!isPlainObject(filters)) {
    throw ValidationError.of(
      model.name,
      "(filters)",
      "filters",
      `filters must be an object of attribute → value, got ${kindOf(filters)}`,
    );
  }
  const clauses: FilterClause[] = [];
  for (const property of Object.keys(filters)) {
    const value = (filters as Record<string, unknown>)[property];
    if (property === "") throw ValidationError.of(model.name, '""', "attributeName", "an attribute name must not be empty");
    if (value === undefined) {
      throw ValidationError.of(model.name, property, "filter", "is undefined; use null to match a missing attribute");
    }
    if (model.relations.has(property)) {
      throw ValidationError.of(model.name, property, "filter", "is a relation; filter its rows through include: { where }");
    }
    if (model.options.strict && !model.attributes.has(property)) {
      throw ValidationError.of(model.name, property, "strict", `is not an attribute of ${model.name} (strict model)`);
    }
    if (isOperatorMap(value)) {
      for (const [op, operand] of Object.entries(value)) clauses.push(clause(model, property, op, operand));
    } else if (Array.isArray(value)) {
      clauses.push(clause(model, property, "in", value));
    } else {
      clauses.push(clause(model, property, "=", value));
    }
  }
  return clauses;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an instance of ${(value as object).constructor?.name ?? "a class"}`;
  return `a ${typeof value}`;
}

/** `Model.update`/`Model.delete` must name their rows: a filter that is missing or not a plain object is refused. */
export function assertWriteFilters(model: ModelMetadata, operation: "update" | "delete", filters: unknown): void {
  if (isPlainObject(filters)) return;
  throw ValidationError.of(
    model.name,
    "(filters)",
    "filters",
    `${model.name}.${operation}() needs an object of attribute → value naming the rows, got ${filters === undefined ? "undefined" : kindOf(filters)}; pass {} to ${operation} every row`,
  );
}

function clause(model: ModelMetadata, property: string, alias: unknown, operand: unknown): FilterClause {
  const { op, value } = canonicalOperator(model.name, property, alias, operand);
  assertOperand(model.name, property, op, value);
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw ValidationError.of(model.name, property, "filter", `${value} is not a comparable number`);
  }
  // the same rules as a write: a value the document client or DynamoDB would refuse fails here, typed
  assertStorable(model.name, property, value);
  const keyProblem = keyOperandProblem(model, property, op, storedOperand(model, property, value));
  if (keyProblem) throw ValidationError.of(model.name, property, "key", keyProblem);
  return { property, op, value };
}

/** Normalizes the overloads `where(field, value)`, `where(field, op, value)`, `where(filters, options?)`. */
export function normalizeWhereArgs(model: ModelMetadata, args: unknown[]): { clauses: FilterClause[]; options: QueryOptions } {
  if (typeof args[0] === "string") {
    const [property, opOrValue, maybeValue] = args as [string, unknown, unknown];
    const filters = args.length >= 3 ? { [property]: { [String(opOrValue)]: maybeValue } } : { [property]: opOrValue };
    if (args.length >= 3) {
      const { op, value } = canonicalOperator(model.name, property, opOrValue, maybeValue);
      assertOperand(model.name, property, op, value);
    }
    return { clauses: clausesOf(model, filters), options: (args[3] as QueryOptions) ?? {} };
  }
  return { clauses: clausesOf(model, args[0] as Filters | undefined), options: (args[1] as QueryOptions) ?? {} };
}

/** An operand in stored form (each element of an `in`/`not-in`/`between` list). */
function storedOperand(model: ModelMetadata, property: string, value: unknown): unknown {
  const attribute = model.attributes.get(property);
  return Array.isArray(value) ? value.map((v) => toStoredValue(attribute, v)) : toStoredValue(attribute, value);
}

/** A clause in stored form: column name and stored operand(s). */
export function toCondition(model: ModelMetadata, clause: FilterClause): Condition {
  return { column: model.columnOf(clause.property), op: clause.op, value: storedOperand(model, clause.property, clause.value) };
}
