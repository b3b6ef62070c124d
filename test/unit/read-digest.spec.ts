import { describe, expect, it } from "@jest/globals";
import { hash } from "node:crypto";
import fc from "fast-check";
import { decodeCursor } from "../../lib/core/read/cursor.js";
import { canonical, readDigest } from "../../lib/core/read/read-digest.js";
import type { ModelMetadata } from "../../lib/core/metadata/model-metadata.js";
import type { FilterClause } from "../../lib/core/read/query-types.js";
import { valueArbitrary } from "../helpers/value-arbitrary.js";

// The oracle: the digest as first defined, through the generic canonical form. A cursor carries its read's
// digest, so a digest that changed would turn every cursor handed out before an upgrade into a ValidationError.
function digestAsDefined(clauses: FilterClause[], order: string): string {
  const parts = clauses.map((clause) => canonical([clause.property, clause.op, clause.value])).sort();
  return hash("sha256", canonical({ order, filters: parts }), "base64url").slice(0, 16);
}

function outcome(run: () => string): { digest: string } | { error: string } {
  try {
    return { digest: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const clauseArbitrary: fc.Arbitrary<FilterClause> = fc.record({
  property: fc.string({ unit: "binary" }),
  op: fc.constantFrom("=", "<>", "<", ">=", "in", "between", "contains", "beginsWith"),
  value: valueArbitrary({ leaves: [fc.date({ noInvalidDate: true }), fc.constant(undefined)] }),
}) as fc.Arbitrary<FilterClause>;

describe("readDigest", () => {
  it("equals the digest of the generic canonical form for any clauses and order (1,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(clauseArbitrary, { maxLength: 5 }), fc.constantFrom("ASC", "DESC"), (clauses, order) => {
        // a value JSON cannot write (a BigInt, which validation refuses before any digest) fails the same way in both
        expect(outcome(() => readDigest(clauses, order))).toEqual(outcome(() => digestAsDefined(clauses, order)));
      }),
      { numRuns: 1_000 },
    );
  });

  it("does not depend on the order the filters were written in, and tells other values and orders apart", () => {
    const a: FilterClause = { property: "status", op: "=", value: "open" };
    const b: FilterClause = { property: "total", op: ">=", value: 10 };
    expect(readDigest([a, b], "ASC")).toBe(readDigest([b, a], "ASC"));
    expect(readDigest([a, b], "ASC")).not.toBe(readDigest([a, b], "DESC"));
    expect(readDigest([a, b], "ASC")).not.toBe(readDigest([a, { ...b, value: 11 }], "ASC"));
    expect(readDigest([a], "ASC")).not.toBe(readDigest([{ ...a, value: ["open"] }], "ASC"));
  });

  it("accepts a cursor made by the release before the digest was written out (d3bb252), and only for its own read", () => {
    // made by that commit's encodeCursor/readDigest for these clauses, order DESC, index GSI1_kind
    const clauses: FilterClause[] = [
      { property: "stream", op: "=", value: "stream-1" },
      { property: "seq", op: ">=", value: 40 },
      { property: "tags", op: "contains", value: new Set(["b", "a"]) },
      {
        property: "meta",
        op: "=",
        value: { z: [1, null, true], a: new Date("2026-01-02T03:04:05.000Z"), bytes: new Uint8Array([1, 2, 250]) },
      },
      { property: "kind", op: "in", value: ["x", 'ü"y'] },
    ];
    const previousCursor =
      "eyJwIjoie1wibVwiOlwiRXZlbnRcIixcInRcIjpcImV2ZW50c1wiLFwiaVwiOlwiR1NJMV9raW5kXCIsXCJvXCI6XCJERVNDXCIsXCJkXCI6XCIxYndXTEdsc1RCZzVnOUZOXCIsXCJrXCI6e1wic3RyZWFtXCI6XCJzdHJlYW0tMVwiLFwic2VxXCI6NTksXCJraW5kXCI6XCJ4XCJ9fSIsImgiOiI5RWs2VHpsdGFTMVZpYXRaIn0";
    const scope = (digest: string) => ({
      model: { name: "Event", tableName: "events" } as ModelMetadata,
      index: "GSI1_kind",
      order: "DESC" as const,
      keyColumns: ["seq", "kind", "stream"],
      digest,
    });
    expect(decodeCursor(scope(readDigest([...clauses].reverse(), "DESC")), previousCursor)).toEqual({
      key: { stream: "stream-1", seq: 59, kind: "x" },
    });
    const otherValue = clauses.map((clause) => (clause.property === "seq" ? { ...clause, value: 41 } : clause));
    expect(() => decodeCursor(scope(readDigest(otherValue, "DESC")), previousCursor)).toThrow("other filters");
    expect(() => decodeCursor({ ...scope(readDigest(clauses, "DESC")), keyColumns: ["seq", "stream"] }, previousCursor)).toThrow(
      "another shape",
    );
  });
});
