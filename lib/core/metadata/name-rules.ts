import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata } from "./model-metadata.js";

/** DynamoDB table (and index) names: 3 to 255 of a-z A-Z 0-9 _ - . */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** DynamoDB caps key attribute names at 255 bytes and other names at 64 KB. */
const MAX_KEY_NAME_BYTES = 255;

const checked = new WeakSet<ModelMetadata>();

/** Refuses, before any request, table and stored attribute names DynamoDB would reject. */
export function assertValidNames(model: ModelMetadata): void {
  if (checked.has(model)) return;
  if (!TABLE_NAME.test(model.tableName)) {
    throw new ConfigError(
      `Model ${model.name}: "${model.tableName}" is not a valid DynamoDB table name (3 to 255 characters of ` +
        "a-z, A-Z, 0-9, _, - and .); change its @Name().",
    );
  }
  const keys = new Set(model.keyProperties());
  for (const attribute of model.attributes.values()) {
    const limit = keys.has(attribute.property) ? MAX_KEY_NAME_BYTES : 65_535;
    if (attribute.column === "" || Buffer.byteLength(attribute.column) > limit) {
      throw new ConfigError(
        `Model ${model.name}: ${JSON.stringify(attribute.column)} is not a valid stored attribute name for ` +
          `${attribute.property} (1 to ${limit} bytes); change its @Name().`,
      );
    }
  }
  checked.add(model);
}
