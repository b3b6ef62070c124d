import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { IndexSort, PrimaryKey, Table } from "../../lib/core/index.js";
import { keyId, keyIdentity } from "../../lib/core/item/item-key.js";
import { metadataFor } from "../../lib/core/metadata/registry.js";

class Pair extends Table<Pair> {
  @PrimaryKey() declare pk: string;
  @IndexSort() declare sk: string;
}

class Single extends Table<Single> {
  @PrimaryKey() declare id: string;
}

/** S, N and B key values, strings full of the separators the identities use. */
const keyValue = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "|", ":", "s", "n", "b", "j", "1", "\u0000", "[", '"') }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.uint8Array({ maxLength: 4 }),
);
const text = (value: unknown) =>
  value instanceof Uint8Array ? `B${Buffer.from(value).toString("hex")}` : `${typeof value}:${value}`;

describe("key identities (batch de-duplication, transaction merging)", () => {
  it("keyId and keyIdentity are equal exactly when the keys are equal (property, 500 runs)", () => {
    const pair = metadataFor(Pair);
    const single = metadataFor(Single);
    fc.assert(
      fc.property(keyValue, keyValue, keyValue, keyValue, (a, b, c, d) => {
        const same = text(a) === text(c) && text(b) === text(d);
        expect(keyId(pair, { pk: a, sk: b }) === keyId(pair, { pk: c, sk: d })).toBe(same);
        expect(keyIdentity("t", { pk: a, sk: b }) === keyIdentity("t", { sk: d, pk: c })).toBe(same);
        expect(keyId(single, { id: a }) === keyId(single, { id: c })).toBe(text(a) === text(c));
      }),
      { numRuns: 500, seed: 2026 },
    );
  });

  it("reads a Buffer and a Uint8Array of the same bytes as one key, and keeps tables apart", () => {
    const single = metadataFor(Single);
    expect(keyId(single, { id: Buffer.from([1, 2]) })).toBe(keyId(single, { id: new Uint8Array([1, 2]) }));
    expect(keyIdentity("t|", { pk: "a" })).not.toBe(keyIdentity("t", { "|pk": "a" }));
    expect(keyIdentity("t", { pk: "a", sk: 1 })).toBe(keyIdentity("t", { sk: 1, pk: "a" }));
  });
});
