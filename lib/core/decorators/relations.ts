import type { RelationKind, RelationMetadata } from "../metadata/model-metadata.js";
import { snakeCase } from "../metadata/naming.js";
import { metadataFor } from "../metadata/registry.js";
import type { ModelClass } from "../metadata/model-types.js";

function relation(kind: RelationKind, build: (property: string) => Omit<RelationMetadata, "kind" | "property">) {
  return (prototype: object, propertyKey: string | symbol) => {
    const property = String(propertyKey);
    metadataFor(prototype.constructor).relations.set(property, { kind, property, ...build(property) });
  };
}

/** One-to-many: rows of `target` whose `foreignKey` equals this model's `localKey` (default: its partition key). */
export function HasMany(target: () => ModelClass<any>, foreignKey: string, localKey?: string): PropertyDecorator {
  return relation("hasMany", () => ({ target, foreignKey, localKey: localKey ?? "" }));
}

/** One-to-one from the parent side: the `target` row whose `foreignKey` equals this model's `localKey`. */
export function HasOne(target: () => ModelClass<any>, foreignKey: string, localKey?: string): PropertyDecorator {
  return relation("hasOne", () => ({ target, foreignKey, localKey: localKey ?? "" }));
}

/** Many-to-one: this model's `localKey` holds the `target`'s `foreignKey` (default: its partition key). */
export function BelongsTo(target: () => ModelClass<any>, localKey: string, foreignKey?: string): PropertyDecorator {
  return relation("belongsTo", () => ({ target, localKey, foreignKey: foreignKey ?? "" }));
}

export interface ManyToManyOptions {
  /** Pivot attribute holding this model's key (default `<this_model>_id`). */
  localPivotKey?: string;
  /** Pivot attribute holding the target's key (default `<target_model>_id`). */
  targetPivotKey?: string;
}

/**
 * Many-to-many through a pivot model whose rows hold both keys.
 * @example `@ManyToMany(() => Role, () => UserRole, { localPivotKey: "user_id", targetPivotKey: "role_id" })`
 */
export function ManyToMany(
  target: () => ModelClass<any>,
  pivotTable: () => ModelClass<any>,
  options: ManyToManyOptions = {},
): PropertyDecorator {
  return (prototype: object, propertyKey: string | symbol) => {
    const owner = prototype.constructor as Function;
    relation("manyToMany", () => ({
      target,
      foreignKey: "",
      localKey: "",
      pivot: {
        table: pivotTable,
        localPivotKey: options.localPivotKey ?? `${snakeCase(owner.name)}_id`,
        // resolved lazily: the target class may not exist yet while decorators run
        targetPivotKey: options.targetPivotKey ?? "",
        targetKey: "",
      },
    }))(prototype, propertyKey);
  };
}
