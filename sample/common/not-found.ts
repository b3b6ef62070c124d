import { NotFoundError } from "../nestjs-dynamite.js";

/** The row, or a NotFoundError (404 through the module's exception filter). */
export function found<T>(row: T | undefined, model: string, id: string): T {
  if (row === undefined) throw new NotFoundError(`${model} ${id} not found`, { model, key: { id } });
  return row;
}
