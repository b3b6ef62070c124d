import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The instance's own attribute values by property (relations left out). */
export function attributeValues(model: ModelMetadata, instance: object): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(instance)) {
    if (!model.relations.has(property)) data[property] = value;
  }
  return data;
}

export function nowIso(): string {
  return new Date().toISOString();
}
