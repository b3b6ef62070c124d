import type { ModelMetadata } from "../metadata/model-metadata.js";

/** The instance's own attribute values by property (relations left out). */
export function attributeValues(model: ModelMetadata, instance: object): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const values = instance as Record<string, unknown>;
  const relations = model.relations;
  for (const property of Object.keys(instance)) {
    if (relations.size === 0 || !relations.has(property)) data[property] = values[property];
  }
  return data;
}

export function nowIso(): string {
  return new Date().toISOString();
}
