import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { ValidationError } from "../../lib/core/errors/core-errors.js";
import { assertItemSize, mapBound, mapSize } from "../../lib/core/item/item-size.js";
import { ModelMetadata } from "../../lib/core/metadata/model-metadata.js";
import { valueArbitrary } from "../helpers/value-arbitrary.js";

const value = valueArbitrary();

describe("item size: the cheap bound the 400 KB check passes most items on", () => {
  it("never under-estimates DynamoDB's size of an item (property, 500 runs)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), value, { maxKeys: 8 }), (item) => {
        expect(mapBound(item)).toBeGreaterThanOrEqual(mapSize(item));
      }),
      { numRuns: 500, seed: 2026 },
    );
  });

  it("still refuses what the exact size refuses when the bound is over the limit, and passes the rest", () => {
    const model = new ModelMetadata(class Sized {}, "sized");
    // 140,000 three-byte characters: 420,000 bytes, over 400 KB
    expect(() => assertItemSize(model, { id: "a", text: "€".repeat(140_000) })).toThrow(ValidationError);
    // 200,000 ASCII characters: bound 600,000, exact 200,000: passes on the exact size
    expect(() => assertItemSize(model, { id: "a", text: "x".repeat(200_000) })).not.toThrow();
    // 136,000 three-byte characters: 408,000 bytes, just under 409,600
    expect(() => assertItemSize(model, { id: "a", text: "€".repeat(136_000) })).not.toThrow();
    expect(() => assertItemSize(model, { id: "a", text: "€".repeat(137_000) })).toThrow(ValidationError);
  });
});
