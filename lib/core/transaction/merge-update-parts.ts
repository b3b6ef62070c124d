import type { UpdateParts } from "../engine/write-action.js";

/** One update equivalent to `first` then `second` on the same item (later writes win, ADDs add up). */
export function mergeUpdateParts(first: UpdateParts, second: UpdateParts): UpdateParts {
  const merged: UpdateParts = {
    set: { ...first.set },
    remove: [...first.remove],
    add: { ...first.add },
    conditions: [...first.conditions, ...second.conditions],
    mustExist: first.mustExist || second.mustExist,
  };
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
