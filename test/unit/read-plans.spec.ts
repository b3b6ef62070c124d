import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { DeleteAt, GlobalIndex, IndexSort, LocalIndex, PrimaryKey, Table, TTL, ValidationError } from "../../lib/core/index.js";
import { buildCreateTableInput } from "../../lib/core/schema/table-schema.js";
import { requireModelMetadata } from "../../lib/core/metadata/registry.js";

class Post extends Table<Post> {
  @PrimaryKey() declare author: string;
  @IndexSort({ type: Number }) declare seq: number;
  @LocalIndex() declare score: number;
  @GlobalIndex() declare slug: string;
  @DeleteAt() declare deletedAt?: string;
  @TTL() declare expiresAt?: number;
  declare body?: string;
}

/** The read planner and the schema builder are pure: what they send is known without a database. */
describe("read plans and table schema (no database)", () => {
  it("the full key is a GetItem, and the soft-delete and TTL scope are checked on the returned item", () => {
    const plan = Post.explain({ author: "a", seq: 1 });
    expect(plan).toMatchObject({ operation: "GetItem", keys: [{ author: "a", seq: 1 }] });
    expect(plan.residualFilter).toBe("(attribute_not_exists(#n0)) AND (attribute_not_exists(#n1) OR #n1 > :v0)");
    expect(plan.names).toEqual({ "#n0": "deletedAt", "#n1": "expiresAt" });
  });

  it("a partition key with sort-key bounds is one Query with BETWEEN; an LSI shares the table's partition key", () => {
    expect(Post.explain({ author: "a", seq: { ">=": 1, "<=": 9 } })).toMatchObject({
      operation: "Query",
      keyCondition: "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
    });
    expect(Post.explain({ author: "a", score: { ">": 3 } })).toMatchObject({ operation: "Query", index: "LSI_score" });
    expect(Post.explain({ slug: "s" }, { order: "DESC" })).toMatchObject({
      operation: "Query",
      index: "GSI_slug",
      scanIndexForward: false,
    });
  });

  it("anything else is a Scan; withTrashed-style scopes are not applied by explain's default read", () => {
    expect(Post.explain({ body: "x" })).toMatchObject({ operation: "Scan", filter: expect.stringContaining("AND") });
  });

  it("bad reads are ValidationErrors before anything would be sent", () => {
    expect(() => Post.explain({ seq: { "~": 1 } })).toThrow(ValidationError);
    expect(() => Post.explain({ author: [] })).toThrow(ValidationError);
    expect(() => Post.explain({}, { limit: -1 })).toThrow(ValidationError);
  });

  it("CreateTable input: key schema, typed attributes, the LSI on the table's partition key, the GSI", () => {
    const input = buildCreateTableInput(requireModelMetadata(Post));
    expect(input.KeySchema).toEqual([
      { AttributeName: "author", KeyType: "HASH" },
      { AttributeName: "seq", KeyType: "RANGE" },
    ]);
    expect(input.LocalSecondaryIndexes?.[0]).toMatchObject({
      IndexName: "LSI_score",
      KeySchema: [
        { AttributeName: "author", KeyType: "HASH" },
        { AttributeName: "score", KeyType: "RANGE" },
      ],
    });
    expect(input.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: "GSI_slug" });
    expect(input.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: "seq", AttributeType: "N" },
        { AttributeName: "score", AttributeType: "N" },
        { AttributeName: "slug", AttributeType: "S" },
      ]),
    );
  });
});
