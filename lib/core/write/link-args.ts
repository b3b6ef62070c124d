import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { changeLinks, type PivotChange } from "./pivot-links.js";

/**
 * `attach/detach/sync` take the relation by name or by its target class (the @arcaelas/dynamite
 * spelling), and one key or an array of keys. A class linked by several relations must be named.
 */
export function linkArgs(owner: ModelMetadata, relation: unknown, ids: unknown): { property: string; ids: unknown[] } {
  const list = Array.isArray(ids) ? ids : [ids];
  if (typeof relation !== "function") return { property: relation as string, ids: list };
  const matches = [...owner.relations.values()].filter((r) => r.kind === "manyToMany" && targetOf(r.target) === relation);
  if (matches.length === 1) return { property: matches[0].property, ids: list };
  const name = (relation as Function).name || "the given class";
  throw ValidationError.of(
    owner.name,
    "(relation)",
    "relation",
    matches.length
      ? `${name} is the target of several @ManyToMany relations (${matches.map((r) => r.property).join(", ")}); pass the relation's name`
      : `${owner.name} has no @ManyToMany relation to ${name}`,
  );
}

function targetOf(target: () => unknown): unknown {
  try {
    return target();
  } catch {
    return undefined; // a target not defined yet cannot be the class given
  }
}

/** `attach/detach/sync(relation | TargetClass, id | ids)` on an instance. */
export async function changeLinksBy(
  mode: "attach" | "detach" | "sync",
  owner: ModelMetadata,
  instance: object,
  relation: unknown,
  ids: unknown,
  tx?: WriteQueue,
): Promise<PivotChange> {
  const args = linkArgs(owner, relation, ids);
  return changeLinks(mode, owner, instance, args.property, args.ids, tx);
}
