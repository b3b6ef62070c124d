import type { KeyType } from "../metadata/model-metadata.js";
import { onAttribute } from "./property-target.js";

export interface KeyOptions {
  /** The key's type when `design:type` cannot tell (e.g. `CreationOptional<number>` reads as Object). */
  type?: NumberConstructor | StringConstructor | "S" | "N" | "B";
}

/** The stored key type a decorator's `type` option asks for. */
export function keyType(options?: KeyOptions): KeyType | undefined {
  if (!options?.type) return undefined;
  if (options.type === Number) return "N";
  if (options.type === String) return "S";
  return options.type as KeyType;
}

function keyDecorator(role: "partition" | "sort", options?: KeyOptions): PropertyDecorator {
  return onAttribute((attribute, model, declaringClass) => {
    const property = attribute.property;
    attribute.explicitType = keyType(options) ?? attribute.explicitType;
    if (role === "sort") {
      model.sortKey = property;
    } else if (model.partitionKey && model.partitionKey !== property && model.target === declaringClass) {
      model.duplicatePartitionKey = property;
    } else {
      model.partitionKey = property;
    }
  });
}

/** Marks the table's partition key. @example `@PrimaryKey() declare id: string;` */
export function PrimaryKey(options?: KeyOptions): PropertyDecorator {
  return keyDecorator("partition", options);
}

/** Alias of {@link PrimaryKey} (reference naming). */
export function Index(options?: KeyOptions): PropertyDecorator {
  return keyDecorator("partition", options);
}

/** Marks the table's sort key. */
export function IndexSort(options?: KeyOptions): PropertyDecorator {
  return keyDecorator("sort", options);
}
