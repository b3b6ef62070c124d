import { describe, expect, it } from "@jest/globals";
import { convertToAttr, convertToNative, NumberValueImpl } from "@aws-sdk/util-dynamodb";
import fc from "fast-check";
import {
  fromAttributeMap,
  fromAttributeValue,
  toAttributeMap,
  toAttributeValue,
} from "../../lib/core/engine/attribute-values.js";
import { nativeRequestInput } from "../../lib/core/engine/send-request.js";
import { valueArbitrary } from "../helpers/value-arbitrary.js";

// The oracle: the document client's conversion with the options the engine used before it converted values itself.
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true, convertTopLevelContainer: true };
const sdkMarshall = (value: unknown) => convertToAttr(value, MARSHALL);
const sdkUnmarshall = (attribute: unknown) => convertToNative(attribute as never, { convertWithoutMapWrapper: true });

/** What a conversion gives: its value, or the message of the error it throws (both must match the SDK's). */
function outcome(convert: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: convert() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const key = fc.string({ unit: "binary" }).filter((name) => name !== "__proto__");
const value = valueArbitrary({
  key,
  nonEmpty: true,
  leaves: [
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, -0, 0.1, 1e21, 5e-324),
    fc.constant(undefined),
    fc.integer().map((n) => new NumberValueImpl(String(n))),
    fc.tuple(fc.integer(), fc.integer()).map(([x, y]) => new Point(x, y)),
    fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 5 }).map((list) => new Set(list)),
  ],
});

describe("attribute values: the engine's own conversion matches the document client's", () => {
  it("to AttributeValues: the same result as @aws-sdk/util-dynamodb for any value (property, 1000 runs)", () => {
    fc.assert(
      fc.property(value, (input) => {
        fc.pre(input !== undefined);
        expect(outcome(() => toAttributeValue(input))).toEqual(outcome(() => sdkMarshall(input)));
      }),
      { numRuns: 1000, seed: 2026 },
    );
  });

  it("an item's attributes: undefined and functions left out, as removeUndefinedValues did", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (item) => {
        const withExtras = { ...item, gone: undefined, method: () => 1 };
        const sdk = outcome(() => (sdkMarshall(withExtras) as { M: unknown }).M);
        expect(outcome(() => toAttributeMap(withExtras))).toEqual(sdk);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("back to JavaScript: the same values as the SDK's unmarshalling, round trip included (property, 1000 runs)", () => {
    fc.assert(
      fc.property(value, (input) => {
        fc.pre(input !== undefined);
        const attribute = outcome(() => sdkMarshall(input));
        fc.pre("value" in attribute);
        const back = fromAttributeValue(attribute.value as never);
        expect(back).toEqual(sdkUnmarshall(attribute.value));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it("numbers beyond the safe range come back as BigInt, as the SDK's do", () => {
    expect(fromAttributeValue({ N: "9007199254740993" })).toBe(9007199254740993n);
    expect(fromAttributeValue({ N: "12.5" })).toBe(12.5);
    expect(fromAttributeValue({ N: String(Number.MAX_SAFE_INTEGER) })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["an unsafe integer", 2 ** 60],
    ["an empty set", new Set()],
    ["a function-only set", new Set([Symbol("x")])],
  ])("refuses %s with the SDK's own error", (_, input) => {
    let expected: unknown;
    try {
      sdkMarshall(input);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toBeDefined();
    expect(() => toAttributeValue(input)).toThrow(expected as string);
  });

  it("keeps a map key __proto__ as a key both ways (an assignment would have set the prototype and lost it)", () => {
    const nested = JSON.parse('{"profile": {"__proto__": {"admin": true}, "name": "x"}}') as Record<string, unknown>;
    const attributes = toAttributeMap(nested);
    const profile = (attributes.profile as { M: Record<string, unknown> }).M;
    expect(Object.keys(profile)).toEqual(["__proto__", "name"]);
    expect(Object.getPrototypeOf(profile)).toBe(Object.prototype);
    const back = fromAttributeMap(attributes) as { profile: Record<string, unknown> };
    expect(Object.keys(back.profile)).toEqual(["__proto__", "name"]);
    expect(Object.getPrototypeOf(back.profile)).toBe(Object.prototype);
    expect((back.profile as { admin?: unknown }).admin).toBeUndefined();
  });

  it("reads a sent request back in JavaScript values, at every place that holds items, keys or values", () => {
    const sent = {
      TransactItems: [
        { Put: { TableName: "t", Item: { id: { S: "a" }, n: { N: "1" } }, ExpressionAttributeValues: { ":v": { BOOL: true } } } },
        { Update: { TableName: "t", Key: { id: { S: "b" } }, UpdateExpression: "SET x = :x" } },
      ],
    };
    expect(nativeRequestInput("TransactWriteItemsCommand", sent)).toEqual({
      TransactItems: [
        { Put: { TableName: "t", Item: { id: "a", n: 1 }, ExpressionAttributeValues: { ":v": true } } },
        { Update: { TableName: "t", Key: { id: "b" }, UpdateExpression: "SET x = :x" } },
      ],
    });
    const batch = {
      RequestItems: { t: [{ PutRequest: { Item: { id: { S: "c" } } } }, { DeleteRequest: { Key: { id: { S: "d" } } } }] },
    };
    expect(nativeRequestInput("BatchWriteItemCommand", batch)).toEqual({
      RequestItems: { t: [{ PutRequest: { Item: { id: "c" } } }, { DeleteRequest: { Key: { id: "d" } } }] },
    });
    expect(nativeRequestInput("DescribeTableCommand", { TableName: "t" })).toEqual({ TableName: "t" });
    expect(nativeRequestInput("constructorCommand", { TableName: "t" })).toEqual({ TableName: "t" });
  });
});
