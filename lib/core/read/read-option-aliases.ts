import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { order as dynamoOrder } from "./match-conditions.js";
import type { QueryOptions, ReadOptionAliases, TrashScope } from "./query-types.js";

/** `order: { <attribute>: "ASC" | "DESC" }` on an attribute that is not the sort key: sorted after reading. */
export interface MemorySort {
  property: string;
  descending: boolean;
}

/**
 * Turns the aliases into our own options: `offset` → `skip`, `_includeTrashed: true` → the
 * withTrashed scope, `order: { <sort key>: dir }` → `order: dir`, and `order` on another attribute →
 * a sort in memory over every matching row (the read then cannot stop at `limit`).
 */
export function resolveReadAliases(
  model: ModelMetadata,
  options: QueryOptions & ReadOptionAliases,
  scope: TrashScope,
): { options: QueryOptions; scope: TrashScope; sortBy?: MemorySort } {
  const { offset, _includeTrashed, ...rest } = options;
  const fail = (attribute: string, rule: string, message: string) => ValidationError.of(model.name, attribute, rule, message);
  const resolved: QueryOptions = rest;
  if (offset !== undefined) {
    if (rest.skip !== undefined && rest.skip !== offset) throw fail("(offset)", "offset", "offset is an alias of skip; give one");
    resolved.skip = offset;
  }
  if (_includeTrashed !== undefined && typeof _includeTrashed !== "boolean") {
    throw fail("(_includeTrashed)", "_includeTrashed", "_includeTrashed must be true or false");
  }
  const trashScope = _includeTrashed && scope === "default" ? "withTrashed" : scope;
  const order = rest.order as unknown;
  if (typeof order !== "object" || order === null) return { options: resolved, scope: trashScope };
  const entries = Object.entries(order);
  if (entries.length !== 1 || !["ASC", "DESC"].includes(String(entries[0][1]).toUpperCase())) {
    throw fail(
      "(order)",
      "order",
      `order must be "ASC", "DESC" or { <attribute>: "ASC" | "DESC" }, got ${JSON.stringify(order)}`,
    );
  }
  const [property, direction] = [entries[0][0], String(entries[0][1]).toUpperCase() as "ASC" | "DESC"];
  if (model.relations.has(property) || (model.options.strict && !model.attributes.has(property))) {
    throw fail(property, "order", `is not an attribute of ${model.name} to order by`);
  }
  resolved.order = direction;
  if (property === model.sortKey) return { options: resolved, scope: trashScope };
  return { options: resolved, scope: trashScope, sortBy: { property, descending: direction === "DESC" } };
}

/**
 * Sorts stored items by one column in DynamoDB's order (numbers numerically, strings by UTF-8 bytes);
 * items without the attribute, or with a value of another type, come last in either direction.
 */
export function sortItems(items: Array<Record<string, unknown>>, column: string, descending: boolean): void {
  items.sort((a, b) => {
    const left = a[column];
    const right = b[column];
    const comparable = dynamoOrder(left, right);
    if (comparable !== undefined) return descending ? -comparable : comparable;
    return Number(left === undefined || left === null) - Number(right === undefined || right === null);
  });
}
