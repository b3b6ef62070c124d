import { ConfigError } from "../errors/core-errors.js";
import { belongsToKeys } from "./belongs-to-order.js";
import type { IndexMetadata, ModelMetadata, RelationMetadata } from "./model-metadata.js";
import { snakeCase } from "./naming.js";
import { allModelMetadata, modelCount, requireModelMetadata } from "./registry.js";

/** A relation with its defaults filled in and its target's metadata at hand. */
export interface ResolvedRelation extends RelationMetadata {
  owner: ModelMetadata;
  targetModel: ModelMetadata;
  pivotModel?: ModelMetadata;
}

export function resolveRelation(owner: ModelMetadata, property: string): ResolvedRelation {
  const relation = owner.relations.get(property);
  if (!relation) {
    throw new ConfigError(`${owner.name} has no relation named "${property}"`);
  }
  const target = relation.target();
  if (typeof target !== "function") {
    throw new ConfigError(`Relation ${owner.name}.${property} points at ${String(target)}, which is not a model class`);
  }
  const targetModel = requiredTarget(owner, property, target);
  const resolved: ResolvedRelation = Object.assign({}, relation, { owner, targetModel });
  if (relation.kind === "hasMany" || relation.kind === "hasOne") {
    resolved.localKey = relation.localKey || owner.partitionKey!;
  } else if (relation.kind === "belongsTo") {
    Object.assign(resolved, belongsToKeys(owner, targetModel, relation));
  } else if (relation.pivot) {
    const pivotModel = requireModelMetadata(relation.pivot.table());
    resolved.pivotModel = pivotModel;
    resolved.pivot = {
      ...relation.pivot,
      targetPivotKey: relation.pivot.targetPivotKey || `${snakeCase(targetModel.name)}_id`,
      targetKey: targetModel.partitionKey!,
    };
    resolved.localKey = owner.partitionKey!;
  }
  return resolved;
}

/** The target's metadata; a target that is not a model names the relation that points at it. */
function requiredTarget(owner: ModelMetadata, property: string, target: Function): ModelMetadata {
  try {
    return requireModelMetadata(target);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`Relation ${owner.name}.${property} points at a class that is not a usable model. ${error.message}`, {
      cause: error,
    });
  }
}

/**
 * The GSIs a model's table needs: the ones it declares plus one `GSI{N}_{fk}` for each distinct
 * foreign key that a @HasMany/@HasOne elsewhere (or a many-to-many pivot) looks it up by.
 * N counts the foreign keys in alphabetical order, so the names never depend on load order.
 */
export function indexesOf(model: ModelMetadata): IndexMetadata[] {
  const cached = indexCache.get(model);
  if (cached && cached.models === modelCount()) return cached.indexes;
  const { indexes, complete } = deriveIndexes(model);
  if (complete) indexCache.set(model, { models: modelCount(), indexes });
  return indexes;
}

/**
 * Every read plans through `indexesOf`, and deriving scans every model's relations, so the result is
 * kept until another model class registers (relations only ever come with new classes).
 */
const indexCache = new WeakMap<ModelMetadata, { models: number; indexes: IndexMetadata[] }>();

/** `complete` is false when a relation target could not be resolved yet (class still being defined). */
function deriveIndexes(model: ModelMetadata): { indexes: IndexMetadata[]; complete: boolean } {
  const declared = model.indexes.filter((index) => !index.fromRelation);
  const covered = new Set(declared.filter((i) => i.kind === "GSI" && !i.sortKey).map((i) => i.partitionKey));
  const foreignKeys = new Set<string>();
  let complete = true;
  for (const owner of allModelMetadata()) {
    for (const relation of owner.relations.values()) {
      let target: unknown;
      try {
        target = relation.target();
      } catch {
        complete = false;
        continue;
      }
      if (relation.kind === "manyToMany" && relation.pivot) {
        if (relation.pivot.table() === model.target) foreignKeys.add(relation.pivot.localPivotKey);
      } else if ((relation.kind === "hasMany" || relation.kind === "hasOne") && target === model.target) {
        foreignKeys.add(relation.foreignKey);
      }
    }
  }
  const derived = [...foreignKeys]
    .filter((fk) => fk !== model.partitionKey && !covered.has(fk))
    .sort()
    .map((fk, i): IndexMetadata => ({
      name: `GSI${i + 1}_${fk}`,
      kind: "GSI",
      partitionKey: fk,
      projection: "ALL",
      fromRelation: true,
    }));
  return { indexes: [...declared, ...derived], complete };
}
