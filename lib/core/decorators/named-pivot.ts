import { ConfigError } from "../errors/core-errors.js";
import type { KeyType, ModelMetadata } from "../metadata/model-metadata.js";
import { hasModelMetadata, metadataFor, requireModelMetadata } from "../metadata/registry.js";
import type { ModelClass } from "../metadata/model-types.js";

/** The model classes made for pivot tables given by name, one per table name. */
const pivots = new Map<string, ModelClass>();

/** The attribute that keys a named pivot table: `id` (a string), as @arcaelas/dynamite creates it. */
export const PIVOT_ID = "id";

/**
 * The pivot model of `@ManyToMany(() => Target, "pivot_table", localPivotKey, targetPivotKey)`:
 * a table keyed by `id` whose rows hold both keys, with one GSI `<key>_index` per pivot attribute
 * (the layout @arcaelas/dynamite gives pivot tables, so tables it created keep working). `sync()`
 * creates it with the tables of the models that name it. A row's `id` is both keys joined by `_`,
 * in attribute-name order, so linking the same pair twice (from either side) is the same row.
 */
export function namedPivotModel(
  tableName: string,
  localPivotKey: string,
  localKeyType: () => KeyType,
  targetPivotKey: string,
  targetKeyType: () => KeyType,
): ModelClass {
  let Pivot = pivots.get(tableName);
  if (!Pivot) {
    const keyOrder = () => [...metadataFor(Pivot!).attributes.keys()].filter((key) => key !== PIVOT_ID).sort();
    // rows of a pivot table are written and read only by attach/detach/sync and includes: no Table API
    Pivot = class {
      constructor(data?: Record<string, unknown>) {
        Object.assign(this, data);
        (this as Record<string, unknown>)[PIVOT_ID] ??= keyOrder()
          .map((key) => String(data?.[key]))
          .join("_");
      }
    };
    Object.defineProperty(Pivot, "name", { value: `Pivot(${tableName})` });
    const model = metadataFor(Pivot);
    model.tableName = tableName;
    model.explicitTableName = true;
    model.attribute(PIVOT_ID).explicitType = "S";
    model.partitionKey = PIVOT_ID;
    pivots.set(tableName, Pivot);
  }
  const model = metadataFor(Pivot);
  addPivotKey(model, localPivotKey, localKeyType);
  addPivotKey(model, targetPivotKey, targetKeyType);
  return Pivot;
}

function addPivotKey(model: ModelMetadata, property: string, type: () => KeyType): void {
  if (property === PIVOT_ID) {
    throw new ConfigError(`Pivot table ${model.tableName}: "${PIVOT_ID}" keys the pivot rows and cannot be a pivot attribute`);
  }
  if (model.attributes.has(property)) return;
  // the key types are those of the linked models, known only once both classes are defined
  Object.defineProperty(model.attribute(property), "explicitType", { get: type, enumerable: true, configurable: true });
  model.indexes.push({ name: `${property}_index`, kind: "GSI", partitionKey: property, projection: "ALL" });
}

/** The partition key type of a model class, once it is defined. */
export function partitionKeyType(target: () => Function): () => KeyType {
  return () => {
    const model = requireModelMetadata(target());
    return model.keyTypeOf(model.partitionKey!);
  };
}

/** The named pivot models the relations of a model class use (none for a class without metadata). */
export function namedPivotsOf(target: Function): ModelClass[] {
  if (!hasModelMetadata(target)) return [];
  const found: ModelClass[] = [];
  for (const relation of metadataFor(target).relations.values()) {
    if (relation.pivot?.named) found.push(relation.pivot.table());
  }
  return found;
}
