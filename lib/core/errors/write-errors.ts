import { ConflictError, NotFoundError } from "./core-errors.js";

/** What an error needs of a model: its name (errors know nothing else of models). */
type NamedModel = { name: string };

export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${JSON.stringify(value)}`)
    .join(", ");
}

export function duplicateKeyError(model: NamedModel, key: Record<string, unknown>, cause?: unknown): ConflictError {
  return new ConflictError(
    `${model.name} with key ${describeKey(key)} already exists; nothing was written. ` +
      "Use save()/update() to change an existing row.",
    { model: model.name, key },
    { cause },
  );
}

export function missingRowError(model: NamedModel, key: Record<string, unknown>, cause?: unknown): NotFoundError {
  return new NotFoundError(
    `${model.name} with key ${describeKey(key)} does not exist (deleted meanwhile?); nothing was written.`,
    { model: model.name, key },
    { cause },
  );
}
