import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { nowIso } from "../instance/instance-data.js";
import type { WriteQueue } from "../engine/write-queue.js";
import { emptyUpdate } from "./build-write.js";
import { executeWrite } from "./execute-write.js";
import { buildTargetedUpdate } from "./targeted-update.js";
import type { WriteAction } from "../engine/write-action.js";

/** Throws before any request unless `by` is a finite number and `property` is not part of the key. */
export function assertIncrementable(model: ModelMetadata, property: string, by: unknown): void {
  if (typeof by !== "number" || !Number.isFinite(by)) {
    throw ValidationError.of(model.name, property, "increment", `needs a finite number to add, got ${String(by)}`);
  }
  if (model.keyProperties().includes(property)) {
    throw ValidationError.of(model.name, property, "immutableKey", "is part of the primary key and cannot be incremented");
  }
}

/** Atomic `ADD attribute :by` on an existing row (never creates a ghost row). */
export function buildIncrementAction(model: ModelMetadata, instance: object, property: string, by: number): WriteAction {
  assertIncrementable(model, property, by);
  const column = model.columnOf(property);
  const parts = emptyUpdate();
  parts.add[column] = by;
  const updatedAt = model.timestampProperty("updatedAt");
  const now = nowIso();
  if (updatedAt) parts.set[model.columnOf(updatedAt)] = now;
  const action = buildTargetedUpdate(model, instance, parts, (result) => {
    const target = instance as Record<string, unknown>;
    const value = result?.[column] ?? Number(target[property] ?? 0) + by;
    target[property] = value;
    if (updatedAt) target[updatedAt] = now;
    return { [column]: value, ...(updatedAt && { [model.columnOf(updatedAt)]: now }) };
  });
  action.returnValues = "UPDATED_NEW";
  return action;
}

export async function incrementInstance(
  model: ModelMetadata,
  instance: object,
  property: string,
  by: number,
  tx?: WriteQueue,
): Promise<void> {
  await executeWrite(buildIncrementAction(model, instance, property, by), tx);
}
