import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { GlobalIndex, PrimaryKey, Table, TTL, type Dynamite } from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";

class Session extends Table<Session> {
  @PrimaryKey() declare id: string;
  @GlobalIndex() declare user: string;
  @TTL() declare expiresAt?: Date;
}

class Token extends Table<Token> {
  @PrimaryKey() declare id: string;
  @TTL() declare expires: number;
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe("@TTL()", () => {
  let dynamite: Dynamite;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    dynamite = await createTestDynamite([Session, Token]);
    doc = DynamoDBDocumentClient.from(dynamite.getClient());
  });
  afterAll(() => dynamite.disconnect());

  it("sync() enables Time To Live on the attribute (UpdateTimeToLive)", async () => {
    const { TimeToLiveDescription } = await dynamite.getClient().send(new DescribeTimeToLiveCommand({ TableName: "sessions" }));
    expect(TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
    expect((await dynamite.plan()).changes).toEqual([]);
  });

  it("a Date is stored as epoch seconds (a Number) and reads back as a Date", async () => {
    const expiresAt = inSeconds(3600);
    await Session.create({ id: "s1", user: "u1", expiresAt });
    const { Item } = await doc.send(new GetCommand({ TableName: "sessions", Key: { id: "s1" } }));
    expect(Item?.expiresAt).toBe(Math.floor(expiresAt.getTime() / 1000));
    const read = await Session.first({ id: "s1" });
    expect(read?.expiresAt).toBeInstanceOf(Date);
    expect(read?.expiresAt?.getTime()).toBe(Math.floor(expiresAt.getTime() / 1000) * 1000);
  });

  it("epoch seconds are stored as given", async () => {
    const expires = Math.floor(Date.now() / 1000) + 60;
    await Token.create({ id: "t1", expires });
    const { Item } = await doc.send(new GetCommand({ TableName: "tokens", Key: { id: "t1" } }));
    expect(Item?.expires).toBe(expires);
  });

  it("reads hide items whose TTL has passed but that DynamoDB has not deleted yet (GetItem, Query, Scan, count, findMany)", async () => {
    // over five years in the past: DynamoDB's TTL sweep leaves such items alone, so the row stays stored
    // while the reads below must hide it (a minute ago raced DynamoDB Local's sweep)
    const past = Math.floor(Date.now() / 1000) - 6 * 366 * 24 * 3600;
    // written around the model, as an item DynamoDB has not swept yet
    await doc.send(new PutCommand({ TableName: "sessions", Item: { id: "old", user: "u2", expiresAt: past } }));
    await Session.create({ id: "live", user: "u2", expiresAt: inSeconds(600) });
    await Session.create({ id: "forever", user: "u2" });
    expect(await Session.first({ id: "old" })).toBeUndefined();
    expect((await Session.where({ user: "u2" })).map((s) => s.id).sort()).toEqual(["forever", "live"]);
    expect((await Session.where({ user: { "begins-with": "u2" } })).map((s) => s.id).sort()).toEqual(["forever", "live"]);
    expect(await Session.count({ user: "u2" })).toBe(2);
    expect((await Session.findMany([{ id: "old" }, { id: "live" }])).map((s) => s.id)).toEqual(["live"]);
    const { Item } = await doc.send(new GetCommand({ TableName: "sessions", Key: { id: "old" } }));
    expect(Item).toBeDefined();
  });

  it("explain() shows the TTL filter with placeholders", () => {
    const plan = Session.explain({ user: "u2" });
    expect(plan).toMatchObject({ operation: "Query", index: "GSI_user" });
    expect(plan.filter).toMatch(/attribute_not_exists\(#\w+\) OR #\w+ > :\w+/);
    expect(Object.values(plan.names ?? {})).toContain("expiresAt");
  });
});
