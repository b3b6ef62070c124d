import { ConfigError } from "../errors/core-errors.js";
import { namedPivotModel, partitionKeyType } from "./named-pivot.js";
import type { RelationKind, RelationMetadata } from "../metadata/model-metadata.js";
import { snakeCase } from "../metadata/naming.js";
import { metadataFor } from "../metadata/registry.js";
import type { ModelClass } from "../metadata/model-types.js";
import { assertDeclarableName } from "../metadata/instance-api-names.js";

function relation(kind: RelationKind, build: (property: string) => Omit<RelationMetadata, "kind" | "property">) {
  return (prototype: object, propertyKey: string | symbol) => {
    const property = String(propertyKey);
    assertDeclarableName(prototype, property, "relation");
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
 * Many-to-many through a pivot model whose rows hold both keys; or through a pivot table given by
 * name and its two attributes (this model's key, then the target's), which `sync()` creates.
 * @example `@ManyToMany(() => Role, () => UserRole, { localPivotKey: "user_id", targetPivotKey: "role_id" })`
 * @example `@ManyToMany(() => Role, "user_roles", "user_id", "role_id")`
 */
export function ManyToMany(
  target: () => ModelClass<any>,
  pivotTable: () => ModelClass<any>,
  options?: ManyToManyOptions,
): PropertyDecorator;
export function ManyToMany(
  target: () => ModelClass<any>,
  pivotTable: string,
  localPivotKey: string,
  targetPivotKey: string,
): PropertyDecorator;
export function ManyToMany(
  target: () => ModelClass<any>,
  pivotTable: string | (() => ModelClass<any>),
  options: ManyToManyOptions | string = {},
  targetPivotKey?: string,
): PropertyDecorator {
  return (prototype: object, propertyKey: string | symbol) => {
    const owner = prototype.constructor as Function;
    if (typeof pivotTable === "string") {
      if (typeof options !== "string" || typeof targetPivotKey !== "string" || !options || !targetPivotKey) {
        throw new ConfigError(
          `${owner.name}.${String(propertyKey)}: @ManyToMany with a pivot table name needs both pivot attributes: ` +
            `@ManyToMany(() => Target, "${pivotTable}", "<this model's key attribute>", "<target's key attribute>")`,
        );
      }
      const Pivot = namedPivotModel(
        pivotTable,
        options,
        partitionKeyType(() => owner),
        targetPivotKey,
        partitionKeyType(target),
      );
      relation("manyToMany", () => ({
        target,
        foreignKey: "",
        localKey: "",
        pivot: { table: () => Pivot, localPivotKey: options, targetPivotKey, targetKey: "", named: true },
      }))(prototype, propertyKey);
      return;
    }
    const given = typeof options === "object" && options !== null ? options : {};
    relation("manyToMany", () => ({
      target,
      foreignKey: "",
      localKey: "",
      pivot: {
        table: pivotTable,
        localPivotKey: given.localPivotKey ?? `${snakeCase(owner.name)}_id`,
        // resolved lazily: the target class may not exist yet while decorators run
        targetPivotKey: given.targetPivotKey ?? "",
        targetKey: "",
      },
    }))(prototype, propertyKey);
  };
}
