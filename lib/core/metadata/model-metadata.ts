import type { StreamOption } from "./stream-view-type.js";
import type { ModelClass } from "./model-types.js";

/**
 * A validator returns `true` when the value is fine, otherwise the message to report. `current` is
 * the attribute's value as last read or written (undefined for a new row).
 */
export type Validator = (value: unknown, current?: unknown) => true | string;

export type TimestampRole = "createdAt" | "updatedAt" | "deletedAt";

export type KeyType = "S" | "N" | "B";

/** What the decorators recorded about one attribute. */
export interface AttributeMetadata {
  /** The TypeScript property name (used in queries and updates). */
  property: string;
  /** The stored attribute name (`@Name`), defaults to the property name. */
  column: string;
  designType?: unknown;
  /** Explicit key type given to a key decorator; wins over `design:type`. */
  explicitType?: KeyType;
  hasDefault?: boolean;
  defaultValue?: unknown;
  notNull?: boolean;
  /** `@NotNull(message)`: reported instead of the default message. */
  notNullMessage?: string;
  validators: Validator[];
  /** `@Mutate`/`@Set`: `current` is the value as last read or written (undefined for a new row). */
  mutators: Array<(value: unknown, current?: unknown) => unknown>;
  /** `@Get(fn)`: applied to the value whenever the row is read, and after the instance is written. */
  view?: (value: unknown) => unknown;
  serializer?: { fromDb: (value: unknown) => unknown; toDb: (value: unknown) => unknown };
  timestamp?: TimestampRole;
  /** `@Version()`: optimistic-locking counter, checked and incremented by every write. */
  version?: boolean;
  /** `@TTL()`: stored as epoch seconds; DynamoDB deletes the item after that time. */
  ttl?: boolean;
}

export type HookEvent = "beforeCreate" | "afterCreate" | "beforeUpdate" | "afterUpdate" | "beforeDestroy" | "afterDestroy";

/** A lifecycle hook: the method named `method` runs on the instance at `event`. */
export interface HookMetadata {
  event: HookEvent;
  method: string;
}

export type RelationKind = "hasMany" | "belongsTo" | "hasOne" | "manyToMany";

export interface RelationMetadata {
  kind: RelationKind;
  property: string;
  target: () => ModelClass;
  /** hasMany/hasOne: attribute on the target; belongsTo: attribute on the target too (its key). */
  foreignKey: string;
  /** hasMany/hasOne: attribute on this model; belongsTo: attribute on this model holding the target's key. */
  localKey: string;
  /** manyToMany only. */
  pivot?: {
    table: () => ModelClass;
    localPivotKey: string;
    targetPivotKey: string;
    targetKey: string;
    /** The pivot table was given by name: its model is generated, and registered with the owner's client. */
    named?: boolean;
  };
}

export type IndexKind = "GSI" | "LSI";

export interface IndexMetadata {
  name: string;
  kind: IndexKind;
  /** Property names (TypeScript side). */
  partitionKey: string;
  sortKey?: string;
  projection: "ALL" | "KEYS_ONLY" | string[];
  /** Created for a @HasMany foreign key of another model. */
  fromRelation?: boolean;
}

export interface ModelOptions {
  /** Reject attributes the model does not declare (no mass assignment). */
  strict?: boolean;
  /** `sync()` enables the table's DynamoDB stream with this view type (`true`: NEW_AND_OLD_IMAGES). */
  stream?: StreamOption;
}

/** Everything known about one model class; built by the decorators, read by the engine. */
export class ModelMetadata {
  tableName: string;
  explicitTableName = false;
  readonly attributes = new Map<string, AttributeMetadata>();
  readonly relations = new Map<string, RelationMetadata>();
  readonly indexes: IndexMetadata[] = [];
  /** Lifecycle hooks in declaration order, inherited ones first. */
  readonly hooks: HookMetadata[] = [];
  partitionKey?: string;
  sortKey?: string;
  /** Set when a second partition key decorator was seen; reported by `sync()`/first use. */
  duplicatePartitionKey?: string;
  options: ModelOptions = {};
  /** Bumped whenever a decorator reaches the model (see {@link touch}); derived values are rebuilt after it. */
  private revision = 0;
  private readonly derivedValues = new Map<string, { revision: number; value: unknown }>();

  constructor(
    readonly target: Function,
    tableName: string,
  ) {
    this.tableName = tableName;
  }

  get name(): string {
    return this.target.name;
  }

  /**
   * Marks the metadata changed. Every decorator reaches a model through `metadataFor`, which calls
   * this, and changes it synchronously after, so a derived value is never built from half a change.
   */
  touch(): void {
    this.revision++;
  }

  /**
   * A value computed from the metadata (a lookup table the hot paths use), kept until the metadata
   * changes: a per-model cache invalidated by {@link touch}, never by time.
   */
  derived<T>(name: string, build: (model: ModelMetadata) => T): T {
    const cached = this.derivedValues.get(name);
    if (cached && cached.revision === this.revision) return cached.value as T;
    const value = build(this);
    this.derivedValues.set(name, { revision: this.revision, value });
    return value;
  }

  /** The attribute (creating its record on first use). */
  attribute(property: string): AttributeMetadata {
    let meta = this.attributes.get(property);
    if (!meta) {
      this.touch();
      meta = { property, column: property, validators: [], mutators: [] };
      this.attributes.set(property, meta);
    }
    return meta;
  }

  columnOf(property: string): string {
    return this.attributes.get(property)?.column ?? property;
  }

  propertyOfColumn(column: string): string {
    return this.derived("propertyByColumn", propertyByColumn).get(column) ?? column;
  }

  timestampProperty(role: TimestampRole): string | undefined {
    return this.derived("roles", attributeRoles)[role];
  }

  /** The `@Version()` attribute, if any. */
  versionProperty(): string | undefined {
    return this.derived("roles", attributeRoles).version;
  }

  /** The `@TTL()` attribute, if any. */
  ttlProperty(): string | undefined {
    return this.derived("roles", attributeRoles).ttl;
  }

  /** Key property names: partition first, then sort when there is one. */
  keyProperties(): string[] {
    return this.sortKey ? [this.partitionKey!, this.sortKey] : this.partitionKey ? [this.partitionKey] : [];
  }

  /** The partition key of an index: an LSI always shares the table's. */
  partitionKeyOf(index: IndexMetadata): string {
    return index.kind === "LSI" ? this.partitionKey! : index.partitionKey;
  }

  keyTypeOf(property: string): KeyType {
    const meta = this.attributes.get(property);
    if (meta?.explicitType) return meta.explicitType;
    if (meta?.designType === Number) return "N";
    if (meta?.designType === Uint8Array || meta?.designType === Buffer) return "B";
    return "S";
  }

  /** A copy for a subclass: the parent's attributes and relations, the subclass's own name. */
  inheritInto(target: Function, tableName: string): ModelMetadata {
    const copy = new ModelMetadata(target, tableName);
    for (const [key, meta] of this.attributes)
      copy.attributes.set(key, { ...meta, validators: [...meta.validators], mutators: [...meta.mutators] });
    for (const [key, meta] of this.relations) copy.relations.set(key, { ...meta });
    copy.indexes.push(...this.indexes.map((index) => ({ ...index })));
    copy.hooks.push(...this.hooks.map((hook) => ({ ...hook })));
    copy.partitionKey = this.partitionKey;
    copy.sortKey = this.sortKey;
    copy.options = { ...this.options };
    return copy;
  }
}

/** Stored attribute name → property (the first attribute stored under a name wins). */
function propertyByColumn(model: ModelMetadata): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of model.attributes.values()) if (!map.has(meta.column)) map.set(meta.column, meta.property);
  return map;
}

/** The property of each special role (the first attribute declared with it). */
function attributeRoles(model: ModelMetadata): Partial<Record<TimestampRole | "version" | "ttl", string>> {
  const roles: Partial<Record<TimestampRole | "version" | "ttl", string>> = {};
  for (const meta of model.attributes.values()) {
    if (meta.timestamp) roles[meta.timestamp] ??= meta.property;
    if (meta.version) roles.version ??= meta.property;
    if (meta.ttl) roles.ttl ??= meta.property;
  }
  return roles;
}
