import type { IndexMetadata } from "../metadata/model-metadata.js";
import { keyType } from "./keys.js";
import { onAttribute } from "./property-target.js";

type IndexProjection = IndexMetadata["projection"];

export interface GlobalIndexOptions {
  /** Index name (default `GSI_{property}`, or `GSI_{property}_{sortKey}` with a sort key). */
  name?: string;
  /** Property used as the index's sort key; decorate it (e.g. `@Attribute()`) so its type is known. */
  sortKey?: string;
  /** `"ALL"` (default, needed for the query planner to use it), `"KEYS_ONLY"`, or attribute names. */
  projection?: IndexProjection;
}

export interface LocalIndexOptions {
  /** Index name (default `LSI_{property}`). */
  name?: string;
  projection?: IndexProjection;
}

/**
 * Declares a global secondary index whose partition key is this attribute. `sync()` creates it
 * with the table or adds it to an existing table; `where({ attr: value })` queries it.
 * @example `@GlobalIndex({ sortKey: "createdAt" }) declare email: string;`
 */
export function GlobalIndex(
  options: GlobalIndexOptions & { type?: NumberConstructor | StringConstructor } = {},
): PropertyDecorator {
  return onAttribute((attribute, model) => {
    const property = attribute.property;
    attribute.explicitType = keyType(options) ?? attribute.explicitType;
    const name = options.name ?? (options.sortKey ? `GSI_${property}_${options.sortKey}` : `GSI_${property}`);
    model.indexes.push({
      name,
      kind: "GSI",
      partitionKey: property,
      sortKey: options.sortKey,
      projection: options.projection ?? "ALL",
    });
  });
}

/**
 * Declares a local secondary index: the table's partition key with this attribute as an alternate
 * sort key. DynamoDB creates LSIs only with the table.
 * @example `@LocalIndex() declare total: number;`
 */
export function LocalIndex(options: LocalIndexOptions = {}): PropertyDecorator {
  return onAttribute((attribute, model) => {
    const property = attribute.property;
    // the table's partition key may be declared below this attribute, so it is read when used
    model.indexes.push({
      name: options.name ?? `LSI_${property}`,
      kind: "LSI",
      get partitionKey() {
        return model.partitionKey ?? "";
      },
      sortKey: property,
      projection: options.projection ?? "ALL",
    });
  });
}
