import { mapConcurrent } from "../support/concurrency.js";
import { contextFor } from "../engine/engine-context.js";
import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { resolveRelation, type ResolvedRelation } from "../metadata/relation-resolution.js";
import { fetchRows } from "../read/find-rows.js";
import { buildReadSpec } from "../read/read-spec.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { buildDeleteAction } from "./destroy-instance.js";
import { executeWrite } from "./execute-write.js";
import { buildInsertAction, prepareInsert } from "./insert-instance.js";
import { valueId } from "../read/rows-by-value.js";
import { isPersisted } from "../instance/instance-state.js";
import { writeKeyOf } from "../instance/stored-key.js";

type Row = Record<string, unknown>;

/** What changed in the pivot table. */
export interface PivotChange {
  attached: unknown[];
  detached: unknown[];
}

interface PivotContext {
  relation: ResolvedRelation;
  pivotModel: ModelMetadata;
  ownerId: unknown;
  /** Current pivot rows of the owner. */
  links: Row[];
}

async function pivotContext(owner: ModelMetadata, instance: object, property: string, ids: unknown[]): Promise<PivotContext> {
  if (!owner.relations.has(property) || owner.relations.get(property)!.kind !== "manyToMany") {
    throw ValidationError.of(owner.name, property, "relation", `is not a @ManyToMany relation of ${owner.name}`);
  }
  if (!Array.isArray(ids) || ids.some((id) => id === undefined || id === null)) {
    throw ValidationError.of(owner.name, property, "ids", "needs an array of the related rows' keys (no null/undefined)");
  }
  if (isPersisted(instance)) writeKeyOf(owner, instance); // a reassigned key must not link another row
  const relation = resolveRelation(owner, property);
  const ownerId = (instance as Row)[relation.localKey];
  if (ownerId === undefined || ownerId === null) {
    throw ValidationError.of(
      owner.name,
      relation.localKey,
      "key",
      `is missing, so ${property} cannot be linked; save the row first`,
    );
  }
  const pivotModel = relation.pivotModel!;
  const spec = buildReadSpec(pivotModel, [{ property: relation.pivot!.localPivotKey, op: "=", value: ownerId }]);
  const links = (await fetchRows<Row>(spec)).rows;
  return { relation, pivotModel, ownerId, links };
}

const targetIdOf = (context: PivotContext, value: unknown) =>
  valueId(context.pivotModel, context.relation.pivot!.targetPivotKey, value);

async function addLinks(context: PivotContext, ids: unknown[], tx?: WriteQueue): Promise<unknown[]> {
  const { pivotModel, relation, ownerId } = context;
  const linked = new Set(context.links.map((link) => targetIdOf(context, link[relation.pivot!.targetPivotKey])));
  const added = new Map<string, unknown>();
  for (const id of ids) if (!linked.has(targetIdOf(context, id))) added.set(targetIdOf(context, id), id);
  const Pivot = pivotModel.target as new (data: Row) => Row;
  const actions = [...added.values()].map((id) => {
    const link = new Pivot({ [relation.pivot!.localPivotKey]: ownerId, [relation.pivot!.targetPivotKey]: id });
    prepareInsert(pivotModel, link);
    return buildInsertAction(pivotModel, link);
  });
  await mapConcurrent(actions, contextFor(pivotModel).options.concurrency, (action) => executeWrite(action, tx));
  return [...added.values()];
}

async function removeLinks(context: PivotContext, keep: (targetId: string) => boolean, tx?: WriteQueue): Promise<unknown[]> {
  const key = context.relation.pivot!.targetPivotKey;
  const doomed = context.links.filter((link) => !keep(targetIdOf(context, link[key])));
  // a link removed meanwhile is already what detach wants: no NotFoundError for it
  const actions = doomed.map((link) => buildDeleteAction(context.pivotModel, link, false));
  await mapConcurrent(actions, contextFor(context.pivotModel).options.concurrency, (action) => executeWrite(action, tx));
  return doomed.map((link) => link[key]);
}

/**
 * Changes the pivot rows linking the instance to `ids`: "attach" links the ones not linked yet,
 * "detach" unlinks them, "sync" makes them the exact set (links the missing, unlinks the others).
 */
export async function changeLinks(
  mode: "attach" | "detach" | "sync",
  owner: ModelMetadata,
  instance: object,
  property: string,
  ids: unknown[],
  tx?: WriteQueue,
): Promise<PivotChange> {
  const context = await pivotContext(owner, instance, property, ids);
  const named = new Set(ids.map((id) => targetIdOf(context, id)));
  const detached =
    mode === "attach" ? [] : await removeLinks(context, (id) => (mode === "sync" ? named.has(id) : !named.has(id)), tx);
  const attached = mode === "detach" ? [] : await addLinks(context, ids, tx);
  return { attached, detached };
}
