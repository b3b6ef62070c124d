import { describe, expect, it } from "@jest/globals";
import { CreatedAt, Default, PrimaryKey, Table, ValidationError, type CreationOptional } from "../../lib/core/index.js";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { ulid } from "../../lib/core/support/ulid.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Ticket extends Table<Ticket> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("open") declare status: CreationOptional<string>;
  @Default(() => ["a"]) declare labels: CreationOptional<string[]>;
  @CreatedAt() declare created_at: CreationOptional<string>;
  declare title?: string;
}

class Coupon extends Table<Coupon> {
  @PrimaryKey() @Default(() => "fixed-code") declare code: CreationOptional<string>;
}

class Counter extends Table<Counter> {
  @PrimaryKey({ type: Number }) declare n: number;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe("compat: generated keys, defaults at construction, isPersisted", () => {
  const db = useTestDatabase([Ticket, Coupon, Counter]);

  it("@PrimaryKey() alone: a missing string key becomes a ULID, stored as the row's key", async () => {
    const ticket = await Ticket.create({ title: "t" });
    expect(ticket.id).toMatch(ULID);
    expect(db.recorder.requests[0].input.Item.id).toBe(ticket.id);
    expect((await Ticket.first({ id: ticket.id }))?.title).toBe("t");
  });

  it("an explicit key and a @Default win over the ULID", async () => {
    expect((await Ticket.create({ id: "given" })).id).toBe("given");
    expect((await Coupon.create({})).code).toBe("fixed-code");
  });

  it("a number partition key is never generated: leaving it out is a ValidationError, nothing sent", async () => {
    await expect(Counter.create({} as never)).rejects.toBeInstanceOf(ValidationError);
    expect(db.recorder.commands()).toEqual([]);
  });

  it("ULIDs made one after the other sort in creation order, also within one millisecond", () => {
    const now = Date.now() + 60_000;
    const same = Array.from({ length: 500 }, () => ulid(now));
    expect([...same].sort()).toEqual(same);
    expect(new Set(same).size).toBe(500);
    expect(same.every((id) => id.startsWith(same[0].slice(0, 10)))).toBe(true);
    // a clock that steps back does not break the order either
    expect(ulid(now - 5_000) > same.at(-1)!).toBe(true);
  });

  it("20 creates in a row get increasing ids", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await Ticket.create({ title: `seq${i}` })).id);
    expect([...ids].sort()).toEqual(ids);
  });

  it("new Model({}) already has its defaults, generated key and creation timestamp", () => {
    const ticket = new Ticket({});
    expect(ticket.id).toMatch(ULID);
    expect(ticket.status).toBe("open");
    expect(ticket.labels).toEqual(["a"]);
    expect(typeof ticket.created_at).toBe("string");
    expect(new Ticket({ status: "closed" }).status).toBe("closed");
    // factory defaults are called per instance, literal ones copied
    const [a, b] = [new Ticket(), new Ticket()];
    expect(a.labels).not.toBe(b.labels);
    expect(a.id < b.id).toBe(true);
  });

  it("the id seen at construction is the one stored", async () => {
    const ticket = new Ticket({ title: "same" });
    const id = ticket.id;
    await ticket.save();
    expect(ticket.id).toBe(id);
    expect((await Ticket.first({ id }))?.title).toBe("same");
  });

  it("isPersisted (and __isPersisted) go false → true on save, and are true on rows read", async () => {
    const ticket = new Ticket({ title: "p" });
    expect(ticket.isPersisted).toBe(false);
    expect(ticket.__isPersisted).toBe(false);
    await ticket.save();
    expect(ticket.isPersisted).toBe(true);
    expect(ticket.__isPersisted).toBe(true);
    expect((await Ticket.first({ id: ticket.id }))?.isPersisted).toBe(true);
    await ticket.forceDestroy();
    expect(ticket.isPersisted).toBe(false);
  });

  it("in a transaction isPersisted turns true at commit, and stays false when it fails", async () => {
    let committed: Ticket | undefined;
    await db.dynamite.tx(async (tx) => {
      committed = await Ticket.create({ title: "tx" }, tx);
      expect(committed.isPersisted).toBe(false);
    });
    expect(committed!.isPersisted).toBe(true);
    let failed: Ticket | undefined;
    await db.dynamite
      .tx(async (tx) => {
        failed = await Ticket.create({ title: "tx-fail" }, tx);
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect(failed!.isPersisted).toBe(false);
  });

  it("isPersisted is read-only and never an attribute: not assignable, not stored, not in JSON", async () => {
    const ticket = new Ticket({ title: "ro", isPersisted: true, __isPersisted: true } as never);
    expect(ticket.isPersisted).toBe(false);
    expect(() => {
      (ticket as { isPersisted: boolean }).isPersisted = true;
    }).toThrow(TypeError);
    await ticket.save();
    expect(Object.keys(db.recorder.requests[0].input.Item).sort()).toEqual(["created_at", "id", "labels", "status", "title"]);
    expect(ticket.toJSON()).not.toHaveProperty("isPersisted");
  });

  it("a stored row with isPersisted/__isPersisted/__proto__ columns still loads, and update() ignores those names", async () => {
    await db.dynamite.getClient().send(
      new PutItemCommand({
        TableName: "tickets",
        Item: {
          id: { S: "odd" },
          isPersisted: { BOOL: false },
          __isPersisted: { S: "x" },
          __proto__: { M: {} },
          title: { S: "o" },
        },
      }),
    );
    const loaded = (await Ticket.first({ id: "odd" }))!;
    expect(loaded).toBeInstanceOf(Ticket);
    expect(loaded.isPersisted).toBe(true);
    expect(loaded.title).toBe("o");
    await loaded.update({ title: "o2", isPersisted: false } as never);
    expect(loaded.isPersisted).toBe(true);
    expect((await Ticket.first({ id: "odd" }))?.title).toBe("o2");
  });
});
