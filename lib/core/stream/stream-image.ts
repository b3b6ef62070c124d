import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

/** A record image (either wire shape) as the stored item the document client would have read. */
export function imageToItem(image: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(image)) normalized[name] = normalizeValue(value);
  return unmarshall(normalized);
}

/** Lambda sends binaries as base64 strings; the SDK's unmarshall wants bytes. */
function normalizeValue(value: unknown): AttributeValue {
  const attribute = value as Record<string, unknown>;
  if (attribute === null || typeof attribute !== "object") {
    throw new TypeError(`an attribute value must be an object such as { "S": "…" }, not ${String(value)}`);
  }
  if (attribute.N !== undefined) assertNumber(attribute.N);
  if (Array.isArray(attribute.NS)) attribute.NS.forEach(assertNumber);
  if (typeof attribute.B === "string") return { B: fromBase64(attribute.B) };
  if (Array.isArray(attribute.BS))
    return { BS: attribute.BS.map((member) => (typeof member === "string" ? fromBase64(member) : member)) };
  if (Array.isArray(attribute.L)) return { L: attribute.L.map(normalizeValue) };
  if (attribute.M && typeof attribute.M === "object") {
    const map: Record<string, AttributeValue> = {};
    for (const [name, member] of Object.entries(attribute.M)) map[name] = normalizeValue(member);
    return { M: map };
  }
  return attribute as unknown as AttributeValue;
}

/** DynamoDB numbers are decimal strings; anything else would silently become NaN. */
function assertNumber(value: unknown): void {
  if (typeof value !== "string" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())) {
    throw new TypeError(`${JSON.stringify(value)} is not a DynamoDB number`);
  }
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}
