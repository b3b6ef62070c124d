/** A plain copy of an instance: own attributes, and included relations as plain objects too. */
export function toPlainObject(instance: object): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(instance)) {
    if (value === undefined) continue;
    plain[key] = Array.isArray(value) ? value.map(plainValue) : plainValue(value);
  }
  return plain;
}

function plainValue(value: unknown): unknown {
  if (value && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}
