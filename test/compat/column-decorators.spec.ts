import { describe, expect, it } from "@jest/globals";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import {
  AfterCreate,
  BeforeCreate,
  Default,
  Get,
  NotNull,
  PrimaryKey,
  Set as SetValue,
  Table,
  Validate,
  ValidationError,
  type CreationOptional,
} from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const seen: Array<{ next: unknown; current: unknown }> = [];
const validated: Array<{ next: unknown; current: unknown }> = [];
const hookCalls: string[] = [];

class Profile extends Table<Profile> {
  @PrimaryKey() declare id: CreationOptional<string>;

  @Get((v: string) => v.toUpperCase())
  @Validate((next: unknown) => (typeof next === "string" && next.length >= 2) || "Min 2 chars")
  @SetValue((next: unknown) => (typeof next === "string" ? next.trim() : next))
  @NotNull("Name is required")
  declare name: string;

  @SetValue((next: unknown, current: unknown) => {
    seen.push({ next, current });
    return typeof next === "number" ? next : 0;
  })
  @Validate((next: unknown, current: unknown) => {
    validated.push({ next, current });
    return current === undefined || Number(next) >= Number(current) || "score never goes down";
  })
  @Default(() => 0)
  declare score: CreationOptional<number>;

  @BeforeCreate() markCreate() {
    hookCalls.push("beforeCreate");
  }
  @AfterCreate() markCreated() {
    hookCalls.push("afterCreate");
  }
}

describe("compat: @Get, @Set(next, current), @NotNull(message), @Validate(next, current), { hook }", () => {
  const db = useTestDatabase([Profile]);
  const stored = async (id: string) =>
    (
      await db.dynamite
        .getClient()
        .send(new GetItemCommand({ TableName: "profiles", Key: { id: { S: id } }, ConsistentRead: true }))
    ).Item;

  it("@Set runs before @Validate, the table keeps the set value, @Get shows it after the write and on read", async () => {
    const profile = await Profile.create({ name: "  alice  " });
    expect((await stored(profile.id))?.name).toEqual({ S: "alice" });
    expect(profile.name).toBe("ALICE");
    expect((await Profile.first({ id: profile.id }))?.name).toBe("ALICE");
  });

  it("a row read through @Get and saved unchanged sends nothing; a real change is written through @Set", async () => {
    const created = await Profile.create({ name: "bob" });
    const loaded = (await Profile.first({ id: created.id }))!;
    db.recorder.reset();
    await loaded.save();
    expect(db.recorder.commands()).toEqual([]);
    await loaded.update({ name: "  robert " });
    expect((await stored(created.id))?.name).toEqual({ S: "robert" });
    expect(loaded.name).toBe("ROBERT");
  });

  it("@NotNull(message) reports the message; @Validate's message too; nothing is written", async () => {
    const missing = await Profile.create({} as never).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.issues.find((i: { attribute: string }) => i.attribute === "name").message).toBe("Name is required");
    const short = await Profile.create({ name: " x " }).catch((e) => e);
    expect(short.message).toMatch(/Profile\.name: Min 2 chars/);
    expect(db.recorder.commands()).toEqual([]);
  });

  it("@Set and @Validate receive the value as last read or written (undefined for a new row)", async () => {
    seen.length = 0;
    validated.length = 0;
    const profile = await Profile.create({ name: "carol", score: "bad" as never });
    expect(profile.score).toBe(0);
    expect(seen).toEqual([{ next: "bad", current: undefined }]);
    expect(validated).toEqual([{ next: 0, current: undefined }]);
    seen.length = 0;
    validated.length = 0;
    await profile.update({ score: 7 });
    expect(seen).toEqual([{ next: 7, current: 0 }]);
    expect(validated).toEqual([{ next: 7, current: 0 }]);
    const error = await profile.update({ score: 3 }).catch((e) => e);
    expect(error.message).toMatch(/score never goes down/);
    expect((await stored(profile.id))?.score).toEqual({ N: "7" });
  });

  it("{ hook: true } is accepted (hooks run, as they do by default); { hook: false } skips them", async () => {
    hookCalls.length = 0;
    await Profile.create({ name: "dave" }, { hook: true });
    expect(hookCalls).toEqual(["beforeCreate", "afterCreate"]);
    hookCalls.length = 0;
    await Profile.create({ name: "erin" });
    expect(hookCalls).toEqual(["beforeCreate", "afterCreate"]);
    hookCalls.length = 0;
    await Profile.create({ name: "fay" }, { hook: false });
    expect(hookCalls).toEqual([]);
    await db.dynamite.tx(async (tx) => {
      await Profile.create({ name: "gus" }, { hook: true, tx });
      expect(hookCalls).toEqual(["beforeCreate"]);
    });
    expect(hookCalls).toEqual(["beforeCreate", "afterCreate"]);
  });
});
