import { describe, expect, it } from "@jest/globals";
import { ValidationError } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { Member, Reading } from "./fixtures.js";

describe("validation before any request", () => {
  const db = useTestDatabase([Member, Reading]);

  const rejects = async (write: () => Promise<unknown>) => {
    const error = await write().then(
      () => undefined,
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(db.recorder.requests).toHaveLength(0);
    return error as ValidationError;
  };

  it("collects every failure of one write, naming model, attribute and rule", async () => {
    const error = await rejects(() => Member.create({ email: "", age: 200 } as never));
    expect(error.issues.map((i) => [i.model, i.attribute, i.rule])).toEqual([
      ["Member", "email", "notNull"],
      ["Member", "age", "validate"],
    ]);
    expect(error.message).toContain("Member.age: must be < 150");
  });

  it("runs every @Validate function and reports its message", async () => {
    const error = await rejects(() => Member.create({ email: "no-at-sign" }));
    expect(error.issues).toEqual([{ model: "Member", attribute: "email", rule: "validate", message: "must contain @" }]);
  });

  it.each([
    ["NaN", { email: "a@b.c", age: Number.NaN }],
    ["Infinity", { email: "a@b.c", age: Number.POSITIVE_INFINITY }],
    ["a function", { email: "a@b.c", name: (() => 1) as never }],
    ["a symbol", { email: "a@b.c", name: Symbol("s") as never }],
  ])("refuses %s as a value", async (_label, data) => {
    await rejects(() => Member.create(data as never));
  });

  it("refuses a circular object", async () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const error = await rejects(() => Member.create({ email: "a@b.c", name: loop as never }));
    expect(error.rule).toBe("storable");
  });

  it.each([
    ["a missing sort key", { sensor: "s", value: 1 }],
    ["an empty-string partition key", { sensor: "", at: 1, value: 1 }],
    ["a string where the sort key is a number", { sensor: "s", at: "1", value: 1 }],
  ])("refuses %s", async (_label, data) => {
    const error = await rejects(() => Reading.create(data as never));
    expect(error.rule).toBe("key");
  });

  it("validates changed attributes on save and sends nothing when one fails", async () => {
    const member = await Member.create({ email: "valid@example.com" });
    db.recorder.reset();
    member.age = -5;
    await rejects(() => member.save());
  });

  it("refuses a non-number increment", async () => {
    const member = await Member.create({ email: "valid2@example.com" });
    db.recorder.reset();
    await rejects(() => member.increment("score", Number.NaN));
  });
});
