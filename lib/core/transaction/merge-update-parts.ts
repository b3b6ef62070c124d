import type { UpdateParts } from "../engine/write-action.js";
import type { Condition } from "../expression/condition.js";
import { matchesAll } from "../read/match-conditions.js";

/** One update equivalent to `first` then `second` on the same item (later writes win, ADDs add up). */
export function mergeUpdateParts(first: UpdateParts, second: UpdateParts): UpdateParts {
  const merged: UpdateParts = { set: { ...first.set }, remove: [...first.remove], add: { ...first.add } };
  for (const [column, value] of Object.entries(second.set)) {
    merged.set[column] = value;
    merged.remove = merged.remove.filter((c) => c !== column);
    delete merged.add[column];
  }
  for (const column of second.remove) {
    delete merged.set[column];
    delete merged.add[column];
    if (!merged.remove.includes(column)) merged.remove.push(column);
  }
  for (const [column, by] of Object.entries(second.add)) addInto(merged, column, by);
  return merged;
}

/** ADD after SET or REMOVE of the same attribute becomes a SET (one expression may not touch a path twice). */
function addInto(parts: UpdateParts, column: string, by: number): void {
  if (column in parts.set && typeof parts.set[column] === "number") {
    parts.set[column] = (parts.set[column] as number) + by;
  } else if (parts.remove.includes(column)) {
    parts.remove = parts.remove.filter((c) => c !== column);
    parts.set[column] = by;
  } else {
    parts.add[column] = (parts.add[column] ?? 0) + by;
  }
}

/** The item a Put will write once an update is applied to it (stored names and values). */
export function applyUpdateToItem(item: Record<string, unknown>, parts: UpdateParts): Record<string, unknown> {
  const result = { ...item, ...parts.set };
  for (const column of parts.remove) delete result[column];
  for (const [column, by] of Object.entries(parts.add)) result[column] = Number(result[column] ?? 0) + by;
  return result;
}

const SHIFTABLE = new Set(["=", "!=", "<", "<=", ">", ">="]);

/**
 * A condition on `column + by` (the value after `ADD column :by`) as a condition on the value
 * before: `x + by >= v` is `x >= v - by`, and an absent `x` (ADD counts it 0) is decided now.
 * A boolean when the answer does not depend on the old value (`= null`: the attribute exists after
 * an ADD); undefined when no condition on the old value says the same (e.g. `contains`).
 */
export function conditionBeforeAdd(condition: Condition, by: number): Condition | boolean | undefined {
  const { op, value } = condition;
  const ifAbsent = matchesAll({ [condition.column]: by }, [{ ...condition, orMissing: false }]);
  if (value === null) return ifAbsent;
  if (SHIFTABLE.has(op) && typeof value === "number")
    return { column: condition.column, op, value: value - by, orMissing: ifAbsent };
  if (op === "between" && Array.isArray(value) && value.every((bound) => typeof bound === "number")) {
    return { column: condition.column, op, value: [value[0] - by, value[1] - by], orMissing: ifAbsent };
  }
  return undefined;
}
