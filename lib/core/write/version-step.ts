import { ConflictError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { isPersisted, markPersisted, snapshotOf } from "../instance/instance-state.js";
import type { UpdateParts, WriteAction } from "../engine/write-action.js";
import type { Condition } from "../expression/condition.js";
import { describeKey, missingRowError } from "../errors/write-errors.js";
import { withFields } from "../support/with-fields.js";

/** The optimistic-locking step of one write: the version the row must have, and the one it gets. */
export interface VersionStep {
  property: string;
  column: string;
  /** The version the instance was read with; null when the row has none yet (condition: absent). */
  expected: number | null;
  next: number;
  /**
   * False for an instance created in the still-open transaction: there is no stored row to compare
   * with yet, and the merged Put must stay free of conditions on the old item.
   */
  checked: boolean;
}

/** The version step of a write on an existing row, or undefined when the model has no `@Version()`. */
export function versionStep(model: ModelMetadata, instance: object): VersionStep | undefined {
  const property = model.versionProperty();
  if (!property) return undefined;
  const value = (instance as Record<string, unknown>)[property];
  const expected = typeof value === "number" ? value : value === undefined || value === null ? null : Number(value);
  return { property, column: model.columnOf(property), expected, next: (expected ?? 0) + 1, checked: isPersisted(instance) };
}

/** The condition `version = :expected` of a checked step (none for an instance not stored yet). */
export function versionCondition(step: VersionStep): Condition | undefined {
  return step.checked ? { column: step.column, op: "=", value: step.expected } : undefined;
}

/** The update parts with `SET version = :next` (any other change of the version column dropped). */
export function withVersion(parts: UpdateParts, step: VersionStep): UpdateParts {
  const add = { ...parts.add };
  delete add[step.column];
  return {
    set: withFields(parts.set, { [step.column]: step.next }),
    remove: parts.remove.filter((column) => column !== step.column),
    add,
  };
}

/** The stored version of an item returned by `ReturnValuesOnConditionCheckFailure` (plain or marshalled). */
function storedVersion(item: Record<string, unknown> | undefined, column: string): unknown {
  const raw = item?.[column];
  if (raw && typeof raw === "object" && "N" in raw) return Number((raw as { N: string }).N);
  return raw;
}

/** A failed versioned write: NotFoundError when the row is gone, else a ConflictError naming both versions. */
export function versionConflict(
  model: ModelMetadata,
  key: Record<string, unknown>,
  step: VersionStep,
  cause: unknown,
  item?: Record<string, unknown>,
): Error {
  if (!item) return missingRowError(model, key, cause);
  const actual = storedVersion(item, step.column);
  return new ConflictError(
    `${model.name} with key ${describeKey(key)} was changed by another write: expected ${step.property} ${String(step.expected)}, ` +
      `found ${String(actual)}; nothing was written. Read the row again and retry.`,
    { model: model.name, key, expected: step.expected, actual },
    { cause },
  );
}

/** Makes a built update action version-checked: condition, increment, error and instance bookkeeping. */
export function versionUpdateAction(model: ModelMetadata, instance: object, action: WriteAction, step: VersionStep): WriteAction {
  const committed = action.onCommitted;
  return {
    ...action,
    onConditionFailed: (cause, item) => versionConflict(model, action.key, step, cause, item),
    onCommitted: (result) => {
      committed?.(result);
      applyVersion(instance, step);
    },
  };
}

/** Sets the instance's version to the written one (value and dirty-tracking snapshot). */
export function applyVersion(instance: object, step: VersionStep): void {
  (instance as Record<string, unknown>)[step.property] = step.next;
  markPersisted(instance, withFields(snapshotOf(instance), { [step.column]: step.next }));
}
