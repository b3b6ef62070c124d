import fc from "fast-check";
import { GROUPS, PARTITIONS } from "./diff-models.js";

/**
 * Characters chosen to disagree between UTF-16 and UTF-8 order ("\uFFFD" sorts before "😀" in
 * UTF-8 bytes but after it in JavaScript), plus the empty string and common prefixes.
 */
const CHARS = ["a", "b", "ab", "B", "é", "\uFFFD", "😀", "z", " "];
export const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 3 }).map((parts) => parts.join(""));
const number = fc.oneof(
  fc.integer({ min: -60, max: 60 }),
  fc.constantFrom(0.5, -0.25, 1e-100, 9007199254740991, -9007199254740991),
);

/** One stored item (sk is assigned by position so keys are unique). */
export const itemArb = fc.record(
  {
    pk: fc.constantFrom(...PARTITIONS),
    group: fc.constantFrom(...GROUPS),
    n: number,
    s: text,
    flag: fc.boolean(),
    tags: fc
      .uniqueArray(fc.constantFrom("red", "green", "blue", "é", "😀"), { minLength: 1, maxLength: 3 })
      .map((t) => new Set(t)),
  },
  { requiredKeys: ["pk"] },
);

const sorted = <T extends number | string>([a, b]: [T, T]) =>
  Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b))) <= 0 ? [a, b] : [b, a];
const between = (arb: fc.Arbitrary<number> | fc.Arbitrary<string>, numeric: boolean) =>
  fc
    .tuple(arb as fc.Arbitrary<number>, arb as fc.Arbitrary<number>)
    .map(([a, b]) => (numeric ? [Math.min(a, b), Math.max(a, b)] : sorted([a, b])));

/** A condition on one attribute of a given kind, in any of the filter spellings. */
function conditionOf(value: fc.Arbitrary<unknown>, numeric: boolean, withStringOps: boolean) {
  const ops = ["=", "!=", "<", "<=", ">", ">="] as const;
  const options: Array<fc.Arbitrary<unknown>> = [
    value,
    fc.constant(null),
    fc.record({ "!=": fc.constant(null) }),
    fc.constantFrom(...ops).chain((op) => value.map((v) => ({ [op]: v }))),
    fc.array(value, { minLength: 1, maxLength: 4 }),
    fc.array(value, { minLength: 1, maxLength: 4 }).map((values) => ({ "not-in": values })),
    between(value as fc.Arbitrary<number>, numeric).map((range) => ({ between: range })),
    fc.tuple(value, value).map(([a, b]) => ({ ">=": a, "<=": b })),
  ];
  if (withStringOps)
    options.push(
      value.map((v) => ({ "begins-with": v })),
      value.map((v) => ({ contains: v })),
    );
  return fc.oneof(...options);
}

/** Filters on the non-key attributes (some compare with the wrong type on purpose). */
export const otherFiltersArb = fc.record(
  {
    n: fc.oneof(
      { weight: 5, arbitrary: conditionOf(number, true, false) },
      { weight: 1, arbitrary: text.map((v) => ({ "<": v })) },
    ),
    s: conditionOf(
      text.filter((v) => v !== ""),
      false,
      true,
    ),
    flag: fc.oneof(fc.boolean(), fc.record({ "!=": fc.boolean() })),
    tags: fc.oneof(
      fc.constantFrom("red", "blue", "😀").map((v) => ({ contains: v })),
      fc.constant(null),
    ),
  },
  { requiredKeys: [] },
);

const attributesArb = fc.option(fc.subarray(["n", "s", "flag", "tags", "group"], { minLength: 1 }), { nil: undefined });

/** A Query on the table: pk =, maybe one sort-key condition, other filters, order, skip/limit, projection. */
export const tableQueryArb = fc.record({
  pk: fc.constantFrom(...PARTITIONS),
  sk: fc.option(
    conditionOf(fc.integer({ min: 0, max: 500 }), true, false).filter((c) => c !== null && !Array.isArray(c)),
    { nil: undefined },
  ),
  others: otherFiltersArb,
  order: fc.constantFrom<"ASC" | "DESC">("ASC", "DESC"),
  skip: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  limit: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  attributes: attributesArb,
});

/** A read without a key order: a Scan (optionally with conditions on pk) or a Query on the `group` GSI. */
export const unorderedReadArb = fc.record({
  group: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
  pk: fc.option(
    fc.oneof(fc.record({ "begins-with": fc.constantFrom("p", "p1", "q") }), fc.record({ "!=": fc.constantFrom(...PARTITIONS) })),
    { nil: undefined },
  ),
  others: otherFiltersArb,
  limit: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  attributes: attributesArb,
});

/** A key lookup: one key (GetItem) or several (BatchGetItem), with residual filters. */
export const keyLookupArb = fc.record({
  pks: fc.uniqueArray(fc.constantFrom(...PARTITIONS), { minLength: 1, maxLength: 3 }),
  sks: fc.uniqueArray(fc.integer({ min: 0, max: 520 }), { minLength: 1, maxLength: 5 }),
  others: otherFiltersArb,
});
