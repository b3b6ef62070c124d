import fc from "fast-check";

export interface ValueArbitraryOptions {
  /** Map keys (default: any string). */
  key?: fc.Arbitrary<string>;
  /** Leaves besides strings, numbers, BigInt, booleans, null and bytes. */
  leaves?: Array<fc.Arbitrary<unknown>>;
  /** Only what DynamoDB can store: no empty sets or empty binary. */
  nonEmpty?: boolean;
}

/** Nested attribute values for property tests: scalars, bytes, lists, string sets and maps of them. */
export function valueArbitrary(options: ValueArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const { key = fc.string({ unit: "binary" }), leaves = [], nonEmpty = false } = options;
  const minLength = nonEmpty ? 1 : 0;
  return fc.letrec((tie) => ({
    any: fc.oneof(
      { depthSize: "small" },
      fc.string({ unit: "binary" }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.bigInt(),
      fc.boolean(),
      fc.constant(null),
      fc.uint8Array({ minLength }),
      ...leaves,
      fc.array(tie("any"), { maxLength: 5 }),
      fc.uniqueArray(fc.string({ unit: "grapheme" }), { minLength, maxLength: 5 }).map((list) => new Set(list)),
      fc.dictionary(key, tie("any"), { maxKeys: 5 }),
    ),
  })).any;
}
