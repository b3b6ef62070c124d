import { describe, expect, it } from "@jest/globals";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { ConflictError, NotFoundError, ValidationError } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { Member, Post, Reading } from "./fixtures.js";

describe("writes", () => {
  const db = useTestDatabase([Member, Post, Reading]);

  const rawItem = async (table: string, key: Record<string, any>) =>
    (await db.dynamite.getClient().send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  it("create() sends one conditional Put (attribute_not_exists on the key)", async () => {
    await Member.create({ email: "one@example.com" });
    expect(db.recorder.commands()).toEqual(["PutItemCommand"]);
    const input = db.recorder.requests[0].input;
    expect(input.ConditionExpression).toBe("attribute_not_exists(#n0)");
    expect(input.ExpressionAttributeNames).toEqual({ "#n0": "id" });
  });

  it("create() with a duplicate key throws ConflictError and leaves the stored row unchanged", async () => {
    await Member.create({ id: "dup", email: "first@example.com" });
    const error = await Member.create({ id: "dup", email: "second@example.com" }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Member with key id="dup" already exists; nothing was written/);
    expect((await rawItem("members", { id: { S: "dup" } }))?.email).toEqual({ S: "first@example.com" });
  });

  it("save() on a new instance inserts; on a loaded one sends UpdateItem with only the changed attributes", async () => {
    const member = new Member({ email: "save@example.com", name: "Before" });
    await member.save();
    expect(db.recorder.commands()).toEqual(["PutItemCommand"]);
    db.recorder.reset();
    member.name = "After";
    await member.save();
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
    const input = db.recorder.requests[0].input;
    expect(Object.values(input.ExpressionAttributeNames).sort()).toEqual(["id", "name", "updatedAt"]);
    expect(input.UpdateExpression).toMatch(/^SET #n\d = :v\d, #n\d = :v\d$/);
    expect(input.ConditionExpression).toMatch(/^attribute_exists\(#n\d\)$/);
    db.recorder.reset();
    await member.save();
    expect(db.recorder.commands()).toEqual([]);
    expect((await rawItem("members", { id: { S: member.id } }))?.name).toEqual({ S: "After" });
  });

  it("save() notices in-place changes of nested maps and lists (the snapshot is not shared)", async () => {
    await Reading.create({ sensor: "nested", at: 1, value: 1, meta: { tags: ["a"] } });
    const loaded = (await Reading.first({ sensor: "nested", at: 1 }))!;
    loaded.meta!.tags.push("b");
    db.recorder.reset();
    await loaded.save();
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
    expect((await rawItem("readings", { sensor: { S: "nested" }, at: { N: "1" } }))?.meta).toEqual({
      M: { tags: { L: [{ S: "a" }, { S: "b" }] } },
    });
    loaded.meta!.tags.push("c");
    db.recorder.reset();
    await loaded.save();
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
  });

  it("setting an attribute to undefined or null REMOVEs it", async () => {
    const member = await Member.create({ email: "rm@example.com", name: "Gone soon" });
    await member.update({ name: undefined });
    expect(db.recorder.requests.at(-1)?.input.UpdateExpression).toMatch(/REMOVE #n\d/);
    expect((await rawItem("members", { id: { S: member.id } }))?.name).toBeUndefined();
  });

  it("save() of a row deleted meanwhile is a NotFoundError, not a ghost row", async () => {
    const member = await Member.create({ email: "ghost@example.com" });
    const copy = await Member.first({ id: member.id });
    await member.forceDestroy();
    copy!.name = "late";
    await expect(copy!.save()).rejects.toBeInstanceOf(NotFoundError);
    expect(await rawItem("members", { id: { S: member.id } })).toBeUndefined();
  });

  it("a primary key cannot change through save()", async () => {
    const member = await Member.create({ email: "key@example.com" });
    member.id = "other";
    await expect(member.save()).rejects.toThrow(/primary key and cannot change/);
  });

  it("Model.update(patch, filters) updates every match and returns the count", async () => {
    await Member.create({ email: "u1@example.com", role: "bulk" });
    await Member.create({ email: "u2@example.com", role: "bulk" });
    const count = await Member.update({ score: 7 }, { role: "bulk" });
    expect(count).toBe(2);
    expect((await Member.where({ role: "bulk" })).map((m) => m.score)).toEqual([7, 7]);
    expect(db.recorder.count("UpdateItemCommand")).toBe(2);
    expect(db.recorder.count("PutItemCommand")).toBe(2); // the two creates only: no read-modify-write Put
  });

  it("Model.update(patch, { <full key> }) sends one conditional UpdateItem and no read", async () => {
    const member = await Member.create({ email: "direct@example.com" });
    db.recorder.reset();
    expect(await Member.update({ name: "Direct", nickname: "d" }, { id: member.id })).toBe(1);
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
    const stored = await rawItem("members", { id: { S: member.id } });
    expect([stored?.name, stored?.nick_name]).toEqual([{ S: "Direct" }, { S: "d" }]);
    expect(stored?.updatedAt?.S).not.toBe(member.updatedAt);
  });

  it("Model.update by key counts 0, and writes nothing, for a missing or soft-deleted row", async () => {
    db.recorder.reset();
    expect(await Member.update({ name: "Ghost" }, { id: "no-such-member" })).toBe(0);
    expect(db.recorder.commands()).toEqual(["UpdateItemCommand"]);
    expect(await rawItem("members", { id: { S: "no-such-member" } })).toBeUndefined();
    const member = await Member.create({ email: "trashed@example.com", name: "Before" });
    await member.destroy();
    expect(await Member.update({ name: "After" }, { id: member.id })).toBe(0);
    expect((await rawItem("members", { id: { S: member.id } }))?.name).toEqual({ S: "Before" });
  });

  it("Model.update validates the patch before any request", async () => {
    db.recorder.reset();
    await expect(Member.update({ age: -1 }, { role: "bulk" })).rejects.toBeInstanceOf(ValidationError);
    expect(db.recorder.requests).toHaveLength(0);
  });

  it("destroy() soft-deletes with @DeleteAt, restore() brings it back, forceDestroy() removes it", async () => {
    const member = await Member.create({ email: "soft@example.com" });
    await member.destroy();
    expect(member.deletedAt).toBeDefined();
    expect((await rawItem("members", { id: { S: member.id } }))?.deletedAt?.S).toBe(member.deletedAt);
    expect(await Member.first({ id: member.id })).toBeUndefined();
    await member.restore();
    expect(member.deletedAt).toBeUndefined();
    expect((await Member.first({ id: member.id }))?.email).toBe("soft@example.com");
    await member.forceDestroy();
    expect(await rawItem("members", { id: { S: member.id } })).toBeUndefined();
  });

  it("Model.delete(filters) is soft on a @DeleteAt model and hard otherwise, returning the count", async () => {
    await Member.create({ email: "d1@example.com", role: "deleteme" });
    await Member.create({ email: "d2@example.com", role: "deleteme" });
    expect(await Member.delete({ role: "deleteme" })).toBe(2);
    expect(await Member.where({ role: "deleteme" })).toHaveLength(0);
    expect(await Member.withTrashed({ role: "deleteme" })).toHaveLength(2);
    await Post.create({ member_id: "m", title: "t1" });
    expect(await Post.delete({ member_id: "m" })).toBe(1);
    expect(await Post.withTrashed({ member_id: "m" })).toHaveLength(0);
  });

  it("increment()/decrement() are atomic ADDs on an existing row and never create a ghost row", async () => {
    const member = await Member.create({ email: "inc@example.com" });
    await Promise.all([member.increment("score", 5), member.increment("score", 5), member.decrement("score", 3)]);
    expect((await rawItem("members", { id: { S: member.id } }))?.score).toEqual({ N: "7" });
    const update = db.recorder.requests.find((r) => r.command === "UpdateItemCommand")!.input;
    expect(update.UpdateExpression).toMatch(/ADD #n\d :v\d/);
    expect(update.ConditionExpression).toMatch(/attribute_exists/);
    const ghost = new Member({ id: "never-created", email: "x@example.com" });
    await expect(ghost.increment("score")).rejects.toBeInstanceOf(NotFoundError);
    expect(await rawItem("members", { id: { S: "never-created" } })).toBeUndefined();
  });

  it("composite keys work in create, get-by-key, save, increment and destroy", async () => {
    const reading = await Reading.create({ sensor: "s1", at: 1, value: 10 });
    await Reading.create({ sensor: "s1", at: 2, value: 20 });
    await expect(Reading.create({ sensor: "s1", at: 1, value: 99 })).rejects.toBeInstanceOf(ConflictError);
    reading.status = "ok";
    await reading.save();
    await reading.increment("value", 1);
    const stored = await rawItem("readings", { sensor: { S: "s1" }, at: { N: "1" } });
    expect(stored).toEqual({ sensor: { S: "s1" }, at: { N: "1" }, value: { N: "11" }, status: { S: "ok" } });
    await reading.destroy();
    expect(await rawItem("readings", { sensor: { S: "s1" }, at: { N: "1" } })).toBeUndefined();
    expect(await rawItem("readings", { sensor: { S: "s1" }, at: { N: "2" } })).toBeDefined();
  });

  it("toJSON() returns the attributes as a plain object without internal state", async () => {
    const member = await Member.create({ email: "json@example.com", name: "J" });
    const json = member.toJSON() as Record<string, unknown>;
    expect(json).toEqual({
      id: member.id,
      email: "json@example.com",
      name: "J",
      role: "member",
      score: 0,
      createdAt: member.createdAt,
      updatedAt: member.updatedAt,
    });
    expect(JSON.parse(JSON.stringify(member))).toEqual(json);
  });
});
