import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Attribute, PrimaryKey, Serialize, Table, type Dynamite } from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";

class Event extends Table<Event> {
  @PrimaryKey() declare id: string;
  @Attribute() declare startsAt: Date;
  @Attribute() declare tags?: Set<string>;
  @Attribute() declare scores?: Set<number>;
  @Serialize((stored: string) => BigInt(stored), (value: bigint) => value.toString()) declare counter?: bigint;
  @Attribute() declare payload?: Uint8Array;
}

describe("attribute types round-trip through DynamoDB", () => {
  let dynamite: Dynamite;
  let raw: DynamoDBClient;
  const stored = async (id: string) =>
    (await raw.send(new GetItemCommand({ TableName: "events", Key: { id: { S: id } } }))).Item!;

  beforeAll(async () => {
    dynamite = await createTestDynamite([Event]);
    raw = dynamite.getClient();
  });
  afterAll(() => dynamite.disconnect());

  it("a Date is stored as an ISO 8601 string and reads back as a Date; where() converts a Date operand", async () => {
    const startsAt = new Date("2026-03-01T10:00:00.000Z");
    await Event.create({ id: "d1", startsAt });
    expect((await stored("d1")).startsAt).toEqual({ S: "2026-03-01T10:00:00.000Z" });
    const read = await Event.first({ id: "d1" });
    expect(read?.startsAt).toBeInstanceOf(Date);
    expect(read?.startsAt.getTime()).toBe(startsAt.getTime());
    expect((await Event.where({ startsAt: { ">=": new Date("2026-02-01T00:00:00Z") } })).map((e) => e.id)).toEqual(["d1"]);
    read!.startsAt = new Date("2026-04-01T00:00:00.000Z");
    await read!.save();
    expect((await stored("d1")).startsAt).toEqual({ S: "2026-04-01T00:00:00.000Z" });
  });

  it("string and number Sets are stored as SS/NS and read back as Sets", async () => {
    await Event.create({ id: "s1", startsAt: new Date(), tags: new Set(["a", "b"]), scores: new Set([1, 2.5]) });
    const item = await stored("s1");
    expect(item.tags.SS?.sort()).toEqual(["a", "b"]);
    expect(item.scores.NS?.sort()).toEqual(["1", "2.5"]);
    const read = await Event.first({ id: "s1" });
    expect(read?.tags).toEqual(new Set(["a", "b"]));
    expect(read?.scores).toEqual(new Set([1, 2.5]));
    read!.tags!.add("c");
    await read!.save();
    expect((await stored("s1")).tags.SS?.sort()).toEqual(["a", "b", "c"]);
    expect((await Event.where({ tags: { contains: "c" } })).map((e) => e.id)).toEqual(["s1"]);
  });

  it("a bigint beyond 2^53 round-trips exactly through @Serialize", async () => {
    const counter = 2n ** 63n + 1n;
    await Event.create({ id: "b1", startsAt: new Date(), counter });
    expect((await stored("b1")).counter).toEqual({ S: "9223372036854775809" });
    expect((await Event.first({ id: "b1" }))?.counter).toBe(counter);
  });

  it("binary values (Uint8Array) are stored as B and read back byte for byte", async () => {
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    await Event.create({ id: "u1", startsAt: new Date(), payload });
    expect((await stored("u1")).payload.B).toEqual(payload);
    const read = await Event.first({ id: "u1" });
    expect(read?.payload).toBeInstanceOf(Uint8Array);
    expect([...read!.payload!]).toEqual([0, 1, 2, 250, 255]);
  });
});
