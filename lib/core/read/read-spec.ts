import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { resolveRelation, type ResolvedRelation } from "../metadata/relation-resolution.js";
import { clausesOf } from "./normalize-filters.js";
import type {
  FilterClause,
  Filters,
  IncludeOptions,
  IncludeSpec,
  QueryOptions,
  ReadOptionAliases,
  TrashScope,
} from "./query-types.js";
import { resolveReadAliases, type MemorySort } from "./read-option-aliases.js";

/** A read, validated and normalized before any request: what to match, how many, which relations. */
export interface ReadSpec {
  model: ModelMetadata;
  clauses: FilterClause[];
  order: "ASC" | "DESC";
  skip: number;
  limit?: number;
  /** Properties asked for (projection); undefined means all. */
  attributes?: string[];
  consistentRead?: boolean;
  includes: IncludeNode[];
  scope: TrashScope;
  /** `order` on an attribute that is not the sort key: every match is read, then sorted in memory. */
  sortBy?: MemorySort;
}

/** One relation to load for the rows of a level, with the read of its own rows. */
export interface IncludeNode {
  relation: ResolvedRelation;
  spec: ReadSpec;
}

const READ_OPTION_KEYS = new Set(["order", "skip", "limit", "attributes", "include", "consistentRead"]);
const INCLUDE_OPTION_KEYS = new Set(["where", "attributes", "order", "skip", "offset", "limit", "include"]);

/** Validates filters and options (recursively through `include`); throws ValidationError before any request. */
export function buildReadSpec(
  model: ModelMetadata,
  clauses: FilterClause[],
  given: QueryOptions & ReadOptionAliases = {},
  givenScope: TrashScope = "default",
): ReadSpec {
  const fail = (attribute: string, rule: string, message: string) => ValidationError.of(model.name, attribute, rule, message);
  if (typeof given !== "object" || given === null) throw fail("(options)", "options", "read options must be an object");
  const { options, scope, sortBy } = resolveReadAliases(model, given, givenScope);
  for (const key of Object.keys(options)) {
    if (!READ_OPTION_KEYS.has(key))
      throw fail(key, "option", `is not a read option; use one of ${[...READ_OPTION_KEYS].join(", ")}`);
  }
  const spec: ReadSpec = {
    model,
    clauses,
    order: orderOf(model, options.order),
    skip: countOption(model, "skip", options.skip) ?? 0,
    limit: countOption(model, "limit", options.limit),
    attributes: attributesOf(model, options.attributes),
    consistentRead: options.consistentRead,
    includes: includesOf(model, options.include),
    scope,
  };
  // set, not spread into the literal: a spread after properties is V8's slow path on Node 20/22
  if (sortBy) spec.sortBy = sortBy;
  return spec;
}

function orderOf(model: ModelMetadata, order: unknown): "ASC" | "DESC" {
  if (order === undefined || order === "ASC" || order === "DESC") return order ?? "ASC";
  throw ValidationError.of(model.name, "(order)", "order", `order must be "ASC" or "DESC", got ${JSON.stringify(order)}`);
}

function countOption(model: ModelMetadata, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  throw ValidationError.of(model.name, `(${name})`, name, `${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
}

/**
 * Names to project. Undecorated `declare`d attributes are invisible at runtime, so any non-empty
 * name is accepted unless the model is strict; relation names never are (use include).
 */
export function attributesOf(model: ModelMetadata, attributes: unknown): string[] | undefined {
  if (attributes === undefined) return undefined;
  if (!Array.isArray(attributes) || attributes.length === 0) {
    throw ValidationError.of(model.name, "(attributes)", "attributes", "attributes must be a non-empty array of attribute names");
  }
  for (const name of attributes) {
    if (typeof name !== "string" || name === "") {
      throw ValidationError.of(model.name, String(name), "attributes", "is not an attribute name");
    }
    if (model.relations.has(name)) {
      throw ValidationError.of(model.name, name, "attributes", "is a relation, not an attribute; load it with include");
    }
    if (model.options.strict && !model.attributes.has(name)) {
      throw ValidationError.of(model.name, name, "attributes", `is not an attribute of ${model.name} (strict model)`);
    }
  }
  return [...new Set(attributes as string[])];
}

function includesOf(model: ModelMetadata, include: IncludeSpec | undefined): IncludeNode[] {
  if (include === undefined) return [];
  if (typeof include !== "object" || include === null) {
    throw ValidationError.of(model.name, "(include)", "include", "include must be a list of relation names or an object");
  }
  const entries: Array<[string, true | IncludeOptions]> = Array.isArray(include)
    ? include.map((name): [string, true] => [name, true])
    : Object.entries(include);
  return entries.map(([name, value]) => includeNode(model, name, value));
}

function includeNode(model: ModelMetadata, name: string, value: true | IncludeOptions): IncludeNode {
  if (typeof name !== "string" || !model.relations.has(name)) {
    const known = [...model.relations.keys()].join(", ") || "none";
    throw ValidationError.of(model.name, String(name), "include", `is not a relation of ${model.name} (relations: ${known})`);
  }
  const relation = resolveRelation(model, name);
  const options: IncludeOptions = value === true ? {} : value;
  if (typeof options !== "object" || options === null) {
    throw ValidationError.of(model.name, name, "include", "include options must be true or an object");
  }
  for (const key of Object.keys(options)) {
    if (!INCLUDE_OPTION_KEYS.has(key)) {
      throw ValidationError.of(
        model.name,
        name,
        "include",
        `"${key}" is not an include option; use ${[...INCLUDE_OPTION_KEYS].join(", ")}`,
      );
    }
  }
  const target = relation.targetModel;
  const { where, ...rest } = options;
  return { relation, spec: buildReadSpec(target, clausesOf(target, where as Filters | undefined), rest) };
}
