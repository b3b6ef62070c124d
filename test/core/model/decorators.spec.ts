import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DescribeTableCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { ConfigError, Dynamite, PrimaryKey, Table } from "../../../lib/core/index.js";
import { requireModelMetadata } from "../../../lib/core/metadata/registry.js";
import { defaultTableName } from "../../../lib/core/metadata/naming.js";
import { createTestDynamite, testClientConfig } from "../../helpers/test-dynamite.js";
import { Member, Post, Reading } from "./fixtures.js";

describe("model decorators", () => {
  let dynamite: Dynamite;
  beforeAll(async () => {
    dynamite = await createTestDynamite([Member, Post, Reading]);
  });
  afterAll(() => dynamite.disconnect());

  it("derives snake_case plural table names and honours @Name on the class", () => {
    expect(defaultTableName("User")).toBe("users");
    expect(defaultTableName("OrderItem")).toBe("order_items");
    expect(defaultTableName("Category")).toBe("categories");
    expect(defaultTableName("Box")).toBe("boxes");
    expect(defaultTableName("HTTPLog")).toBe("http_logs");
    expect(requireModelMetadata(Member).tableName).toBe("members");
    expect(requireModelMetadata(Post).tableName).toBe("blog_posts");
  });

  it("sync() gives the HasMany child a GSI named GSI{N}_{fk} keyed by the foreign key", async () => {
    const { Table: posts } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "blog_posts" }));
    expect(posts?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema, i.IndexStatus])).toEqual([
      ["GSI1_member_id", [{ AttributeName: "member_id", KeyType: "HASH" }], "ACTIVE"],
    ]);
  });

  it("types the sort key from the explicit key type (N)", async () => {
    const { Table: readings } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "readings" }));
    expect(readings?.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: "sensor", AttributeType: "S" },
        { AttributeName: "at", AttributeType: "N" },
      ]),
    );
  });

  it("applies @Default (value and function), @Mutate, timestamps and @Name/@Serialize on the stored item", async () => {
    const member = await Member.create({ email: "  Ada@Example.COM ", nickname: "ada", tags: ["a", "b"] });
    expect(member.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(member.role).toBe("member");
    expect(member.score).toBe(0);
    expect(member.email).toBe("ada@example.com");
    expect(Date.parse(member.createdAt)).not.toBeNaN();
    expect(member.updatedAt).toBe(member.createdAt);
    const { Item } = await dynamite.getClient().send(new GetItemCommand({ TableName: "members", Key: { id: { S: member.id } } }));
    expect(Item?.nick_name).toEqual({ S: "ada" });
    expect(Item?.nickname).toBeUndefined();
    expect(Item?.tags).toEqual({ S: "a,b" });
    const loaded = await Member.first({ id: member.id });
    expect(loaded?.tags).toEqual(["a", "b"]);
    expect(loaded?.nickname).toBe("ada");
  });

  it("queries and updates use the TypeScript name of a renamed attribute", async () => {
    const member = await Member.create({ email: "bo@example.com", nickname: "bo" });
    expect((await Member.where({ nickname: "bo" })).map((m) => m.id)).toEqual([member.id]);
    await member.update({ nickname: "bobby" });
    expect((await Member.first({ id: member.id }))?.nickname).toBe("bobby");
  });

  it("reading a stored row never runs validators (old rows always load)", async () => {
    const { PutItemCommand } = await import("@aws-sdk/client-dynamodb");
    await dynamite.getClient().send(
      new PutItemCommand({
        TableName: "members",
        Item: { id: { S: "legacy" }, email: { S: "no-at-sign" }, age: { N: "999" } },
      }),
    );
    const legacy = await Member.first({ id: "legacy" });
    expect(legacy?.email).toBe("no-at-sign");
    expect(legacy?.age).toBe(999);
  });

  it("a second @PrimaryKey on one model is a ConfigError naming the model", () => {
    class TwoKeys extends Table<TwoKeys> {
      @PrimaryKey() declare a: string;
      @PrimaryKey() declare b: string;
    }
    expect(() => requireModelMetadata(TwoKeys)).toThrow(ConfigError);
    expect(() => requireModelMetadata(TwoKeys)).toThrow(/TwoKeys declares two partition keys/);
  });

  it("a subclass inherits its parent's attributes and keys", async () => {
    class Base extends Table<Base> {
      @PrimaryKey() declare id: string;
    }
    class Admin extends Base {
      declare extra?: string;
    }
    const meta = requireModelMetadata(Admin);
    expect(meta.partitionKey).toBe("id");
    expect(meta.tableName).toBe("admins");
    const own = new Dynamite({ ...testClientConfig(), tables: [Admin] });
    own.connect();
    await own.sync();
    await Admin.create({ id: "c1", extra: "x" });
    expect((await Admin.first({ id: "c1" }))?.extra).toBe("x");
    own.disconnect();
    dynamite.connect();
  });
});
