import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { NumberValue } from "@aws-sdk/lib-dynamodb";
import { Dynamite, PrimaryKey, Serialize, Table } from "../../lib/core/index.js";
import { createTestDynamite } from "../helpers/test-dynamite.js";
import { canonical } from "./differential/canonical.js";

/** One attribute of any DynamoDB type, and a 38-digit number kept exact through @Serialize. */
class Blob extends Table<Blob> {
  @PrimaryKey() declare id: string;
  declare value?: unknown;
  @Serialize((stored: bigint | number) => String(stored), (digits: string) => NumberValue.from(digits))
  declare exact?: string;
}

/** What the value codec stores: every Date replaced by its ISO 8601 string. */
function isoDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(isoDates);
  if (value && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value)))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoDates(v)]));
  return value;
}

const unicode = fc.string({ unit: "binary", maxLength: 12 }); // any code point, lone surrogates excluded
const scalar = fc.oneof(
  unicode,
  fc.constant(""),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
    .filter((n) => !Object.is(n, -0) && (n === 0 || Math.abs(n) >= 1e-130)),
  fc.constantFrom(9007199254740991, -9007199254740991, 1e-130, -1e-130, 1.7976931348623157e-100, 0.1 + 0.2),
  fc.uint8Array({ maxLength: 16 }),
  fc.date({ noInvalidDate: true, min: new Date("0001-01-01"), max: new Date("9999-12-31") }),
);
const set = fc.oneof(
  fc
    .uniqueArray(
      unicode.filter((s) => s !== ""),
      { minLength: 1, maxLength: 4 },
    )
    .map((v) => new Set(v)),
  fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 4 }).map((v) => new Set(v)),
  fc
    .uniqueArray(fc.uint8Array({ minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
      selector: (b) => Buffer.from(b).toString("hex"),
    })
    .map((v) => new Set(v)),
);
const { value: valueArb } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    set,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      unicode.filter((k) => k !== ""),
      tie("value"),
      { maxKeys: 4 },
    ),
  ),
}));
/** Integers of up to 38 digits: beyond what a JavaScript number holds, within DynamoDB's precision. */
const digits38 = fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }).map(String);

describe("round-trip: what is written is read back exactly", () => {
  let dynamite: Dynamite;
  beforeAll(async () => {
    dynamite = await createTestDynamite([Blob]);
  });
  afterAll(() => dynamite.disconnect());

  it("any value (unicode, empty strings, nested maps/lists, edge numbers, binary, sets, Dates at any depth) comes back equal", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(valueArb, async (value) => {
        const id = `v${n++}`;
        await Blob.create({ id, value });
        const row = await Blob.first({ id });
        // the documented encoding: a Date at any depth is stored as its ISO 8601 string; a
        // top-level null means "absent" (nested nulls are stored as NULL)
        expect(canonical(row?.value)).toEqual(canonical(value === null ? undefined : isoDates(value)));
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("38-digit integers stay exact when written as NumberValue through @Serialize", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(digits38, async (exact) => {
        const id = `e${n++}`;
        await Blob.create({ id, exact });
        expect((await Blob.first({ id }))?.exact).toBe(exact);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
