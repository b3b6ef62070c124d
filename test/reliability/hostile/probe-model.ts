import fc from "fast-check";
import { GlobalIndex, IndexSort, LocalIndex, PrimaryKey, Table } from "../../../lib/core/index.js";

/** S partition key, N sort key, a GSI on a binary attribute, an LSI on a string attribute, loose attributes. */
export class Probe extends Table<Probe> {
  @PrimaryKey() declare pk: string;
  @IndexSort({ type: Number }) declare sk: number;
  @GlobalIndex() declare tag?: Uint8Array;
  @LocalIndex() declare rank?: string;
  declare n?: number;
  declare s?: string;
  declare flag?: boolean;
  declare list?: unknown[];
  declare map?: Record<string, unknown>;
  declare set?: Set<string>;
}

export const PARTITIONS = ["p0", "p1", "p2"];
const bytes = (...values: number[]) => new Uint8Array(values);
const TAGS = [bytes(1), bytes(1, 2), bytes(2), bytes(3)];
const RANKS = ["a", "ab", "b", "é", "😀"];
const STRINGS = ["", "a", "ab", "b", "é", "😀"];
const NUMBERS = [-1, 0, 1, 2.5, 7];

/** One stored item of the probe table (sk is assigned by position so keys are unique). */
export const probeItemArb = fc.record(
  {
    pk: fc.constantFrom(...PARTITIONS),
    tag: fc.constantFrom(...TAGS),
    rank: fc.constantFrom(...RANKS),
    n: fc.constantFrom(...NUMBERS),
    s: fc.constantFrom(...STRINGS),
    flag: fc.boolean(),
    list: fc.constantFrom<unknown[]>([1, "a"], ["a"], [], [{ a: 1 }]),
    map: fc.constantFrom<Record<string, unknown>>({ a: 1 }, { a: 2 }, {}),
    set: fc.constantFrom(new Set(["a"]), new Set(["a", "b"])),
  },
  { requiredKeys: ["pk"] },
);

class Opaque {
  constructor(readonly x = 1) {}
}

/**
 * Any value a hostile caller could pass: the stored domain, plus every type and edge DynamoDB or
 * the codec refuses (NaN, ±Infinity, huge numbers, empty sets, Maps, class instances, functions…).
 */
export const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<unknown>(...STRINGS, ...NUMBERS, ...PARTITIONS, ...RANKS, 3, 12) },
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...TAGS, bytes(), true, false, null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      undefined,
      Number.NaN,
      Infinity,
      2 ** 60,
      1e-200,
      10n,
      new Date("2030-01-01T00:00:00.000Z"),
      new Date("invalid"),
      { a: 1 },
      { "": 1 },
      [1, "a"],
      ["a"],
      [1, undefined],
      new Set(["a"]),
      new Set([1]),
      new Set(),
      new Set([1, "a"]),
      new Map([["a", 1]]),
      new Opaque(),
      () => 1,
      Symbol("s"),
      "x".repeat(3000),
    ),
  },
);

const OPERATOR_KEYS = ["=", "!=", "<", "<=", ">", ">=", "in", "not-in", "contains", "begins-with", "between"];
// `$gt`-style aliases are translated (operator-aliases.ts); these are refused or compared as a map
const FOREIGN_KEYS = ["$regex", "$foo", "gte", ">==", "a"];

/** An operand for an operator: lists for in/not-in/between most of the time, anything otherwise. */
function operandArb(op: string): fc.Arbitrary<unknown> {
  if (op === "in" || op === "not-in")
    return fc.oneof({ weight: 5, arbitrary: fc.array(anyValueArb, { maxLength: 4 }) }, anyValueArb);
  if (op === "between") return fc.oneof({ weight: 5, arbitrary: fc.tuple(anyValueArb, anyValueArb) }, anyValueArb);
  return anyValueArb;
}

/** A filter value in any spelling: a value (=), a list (in), or a map of one or two operators. */
const filterValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyValueArb },
  { weight: 1, arbitrary: fc.array(anyValueArb, { maxLength: 4 }) },
  {
    weight: 3,
    arbitrary: fc
      .uniqueArray(fc.constantFrom(...OPERATOR_KEYS, ...OPERATOR_KEYS, ...OPERATOR_KEYS, ...FOREIGN_KEYS), {
        minLength: 1,
        maxLength: 2,
      })
      .chain((ops) => fc.tuple(...ops.map((op) => operandArb(op).map((operand) => [op, operand] as const))))
      .map((entries) => Object.fromEntries(entries)),
  },
);

const ATTRIBUTES = ["pk", "sk", "tag", "rank", "n", "s", "flag", "list", "map", "set", "missing", ""];

/** Filters on 1 to 3 attributes, key attributes often (so GetItem, Query on the table, the GSI and the LSI all occur). */
export const hostileFiltersArb = fc
  .uniqueArray(fc.constantFrom(...ATTRIBUTES, "pk", "pk", "sk", "tag", "rank"), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => filterValueArb.map((value) => [name, value] as const))))
  .map((entries) => Object.fromEntries(entries));

/** A write: a row to create (keys of any type) or a patch for Model.update of an existing row. */
export const hostileRowArb = fc
  .uniqueArray(fc.constantFrom(...ATTRIBUTES), { minLength: 1, maxLength: 5 })
  .chain((names) => fc.tuple(...names.map((name) => anyValueArb.map((value) => [name, value] as const))))
  .map((entries) => Object.fromEntries(entries));
