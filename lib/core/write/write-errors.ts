import { ConflictError, NotFoundError } from "../errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";

export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${JSON.stringify(value)}`)
    .join(", ");
}

export function duplicateKeyError(model: ModelMetadata, key: Record<string, unknown>, cause?: unknown): ConflictError {
  return new ConflictError(
    `${model.name} with key ${describeKey(key)} already exists; nothing was written. ` +
      "Use save()/update() to change an existing row.",
    { model: model.name, key },
    { cause },
  );
}

export function missingRowError(model: ModelMetadata, key: Record<string, unknown>, cause?: unknown): NotFoundError {
  return new NotFoundError(
    `${model.name} with key ${describeKey(key)} does not exist (deleted meanwhile?); nothing was written.`,
    { model: model.name, key },
    { cause },
  );
}
