import type { ModelMetadata } from "../metadata/model-metadata.js";
import { buildReadSpec, type IncludeNode, type ReadSpec } from "./read-spec.js";
import { stripHidden } from "./projection.js";
import { assertLookupable, distinctValues, rowsByValue, valueId } from "./rows-by-value.js";
import { withFields } from "../support/with-fields.js";

type Row = Record<string, unknown>;

/**
 * Fails before any request when an include (at any depth) would need a Scan to find its rows.
 * Called on the top-level spec before the first read.
 */
export function assertIncludable(spec: ReadSpec): void {
  for (const { relation, spec: child } of spec.includes) {
    const name = `${relation.owner.name}.${relation.property}`;
    if (relation.kind === "manyToMany") {
      assertLookupable(relation.pivotModel!, relation.pivot!.localPivotKey, name);
      assertLookupable(child.model, relation.pivot!.targetKey, name);
    } else {
      assertLookupable(child.model, relation.foreignKey, name);
    }
    assertIncludable(child);
  }
}

/** Loads every include of one level on `rows` (all rows at once, so lookups are shared and deduplicated). */
export async function loadIncludes(rows: object[], includes: IncludeNode[]): Promise<void> {
  if (!rows.length || !includes.length) return; // most levels have none: no Promise.all of nothing
  await Promise.all(includes.map((node) => loadInclude(rows as Row[], node)));
}

async function loadInclude(parents: Row[], { relation, spec }: IncludeNode): Promise<void> {
  if (relation.kind === "manyToMany") return loadManyToMany(parents, { relation, spec });
  const owner = relation.owner;
  const values = distinctValues(owner, parents, relation.localKey);
  // BelongsTo finds one row per value: the spec's skip/limit are for to-many relations
  const lookupSpec =
    relation.kind === "belongsTo"
      ? withFields(spec, { skip: 0, limit: undefined })
      : relation.kind === "hasOne"
        ? withFields(spec, { limit: 1 })
        : spec;
  const found = await rowsByValue(lookupSpec, relation.foreignKey, values);
  await loadIncludes(found.all, spec.includes);
  stripHidden(found.all, found.hidden);
  for (const parent of parents) {
    const related = rowsOfParent(found.groups, owner, relation.localKey, parent);
    parent[relation.property] = relation.kind === "hasMany" ? related : (related[0] ?? null);
  }
}

/** The rows grouped under a parent's `key` value (none when the parent has no such value). */
function rowsOfParent(groups: Map<string, object[]>, owner: ModelMetadata, key: string, parent: Row): object[] {
  const value = parent[key];
  return value === undefined || value === null ? [] : (groups.get(valueId(owner, key, value)) ?? []);
}

/** Pivot rows queried by the owner's key (the pivot's GSI), then the targets by BatchGetItem. */
async function loadManyToMany(parents: Row[], { relation, spec }: IncludeNode): Promise<void> {
  const owner = relation.owner;
  const pivot = relation.pivot!;
  const pivotModel = relation.pivotModel!;
  const ownerValues = distinctValues(owner, parents, relation.localKey);
  const pivots = await rowsByValue(buildReadSpec(pivotModel, []), pivot.localPivotKey, ownerValues);
  const targetIds = distinctValues(pivotModel, pivots.all, pivot.targetPivotKey);
  const targets = await rowsByValue(withFields(spec, { skip: 0, limit: undefined }), pivot.targetKey, targetIds);
  await loadIncludes(targets.all, spec.includes);
  stripHidden(targets.all, targets.hidden);
  for (const parent of parents) {
    const related = rowsOfParent(pivots.groups, owner, relation.localKey, parent)
      .map((link) => targets.groups.get(valueId(pivotModel, pivot.targetPivotKey, (link as Row)[pivot.targetPivotKey]))?.[0])
      .filter((row): row is object => row !== undefined);
    parent[relation.property] = related.slice(spec.skip, spec.limit === undefined ? undefined : spec.skip + spec.limit);
  }
}
