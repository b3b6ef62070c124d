import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata, RelationMetadata } from "./model-metadata.js";

/**
 * The keys of a `@BelongsTo(() => Target, a, b)`. Our order is `(localKey, foreignKey)`;
 * @arcaelas/dynamite's is `(targetKey, localKey)`. Its reading is taken when `a` is the target's
 * partition key and `b` is not an attribute of the target; when both readings fit the declared
 * attributes the relation is refused, naming both, rather than guessed.
 */
export function belongsToKeys(
  owner: ModelMetadata,
  target: ModelMetadata,
  relation: RelationMetadata,
): { localKey: string; foreignKey: string } {
  const [a, b] = [relation.localKey, relation.foreignKey];
  const ours = { localKey: a, foreignKey: b || target.partitionKey! };
  if (!b) return ours;
  const known = (model: ModelMetadata, property: string) => model.attributes.has(property);
  const oursFits = known(owner, a) && known(target, b);
  const originalFits = a === target.partitionKey && known(owner, b);
  if (oursFits && originalFits) {
    throw new ConfigError(
      `@BelongsTo ${owner.name}.${relation.property}(() => ${target.name}, "${a}", "${b}") reads two ways: ` +
        `${owner.name}.${a} holds ${target.name}.${b} (localKey, foreignKey), or ${owner.name}.${b} holds ` +
        `${target.name}.${a} (targetKey, localKey, the @arcaelas/dynamite order). Pass the local key alone ` +
        `(@BelongsTo(() => ${target.name}, "<attribute of ${owner.name}>")) when it points at ${target.name}'s key.`,
    );
  }
  if (!oursFits && a === target.partitionKey && !known(target, b)) return { localKey: b, foreignKey: a };
  return ours;
}
