import { ConfigError } from "../errors/core-errors.js";
import { ModelMetadata } from "./model-metadata.js";
import { assertValidNames } from "./name-rules.js";
import { defaultTableName } from "./naming.js";

const registry = new Map<Function, ModelMetadata>();

/** The metadata of a class, created (inheriting its parent's) the first time a decorator touches it. */
export function metadataFor(target: Function): ModelMetadata {
  let meta = registry.get(target);
  if (meta) {
    meta.touch(); // a decorator is about to change it
    return meta;
  }
  const parent = Object.getPrototypeOf(target) as Function | null;
  const parentMeta = parent ? registry.get(parent) : undefined;
  meta = parentMeta
    ? parentMeta.inheritInto(target, defaultTableName(target.name))
    : new ModelMetadata(target, defaultTableName(target.name));
  registry.set(target, meta);
  return meta;
}

/** The metadata of a class that must be a model with a partition key (for engine use). */
export function requireModelMetadata(target: Function): ModelMetadata {
  const meta = registry.get(target) ?? inheritedOnly(target);
  if (!meta || !meta.partitionKey) {
    throw new ConfigError(
      `Model ${target?.name ?? String(target)} is not registered in wrapper: it has no @PrimaryKey() or @Index() ` +
        "decorator. Add one to the attribute that is the table's partition key.",
    );
  }
  if (meta.duplicatePartitionKey) {
    throw new ConfigError(
      `Model ${meta.name} declares two partition keys (${meta.partitionKey} and ${meta.duplicatePartitionKey}); ` +
        "keep one @PrimaryKey()/@Index() and mark a sort key with @IndexSort().",
    );
  }
  assertValidNames(meta);
  return meta;
}

/** A subclass without decorators of its own still gets its parent's metadata. */
function inheritedOnly(target: Function): ModelMetadata | undefined {
  const parent = Object.getPrototypeOf(target) as Function | null;
  if (!parent || !registry.get(parent)) return undefined;
  return metadataFor(target);
}

/** Every model class seen so far (for index derivation). */
export function allModelMetadata(): ModelMetadata[] {
  return [...registry.values()];
}

/** How many model classes are registered (changes whenever a new one is decorated). */
export function modelCount(): number {
  return registry.size;
}

/** The metadata of a registered class, for reading (unlike `metadataFor`, it never marks it changed). */
export function registeredMetadata(target: Function): ModelMetadata | undefined {
  return registry.get(target);
}

export function hasModelMetadata(target: Function): boolean {
  return registry.has(target);
}
