import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import {
  BelongsTo,
  Default,
  DeleteAt,
  HasMany,
  HasOne,
  ManyToMany,
  PrimaryKey,
  Table,
  ValidationError,
  type CreationOptional,
  type NonAttribute,
} from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Member extends Table<Member> {
  @PrimaryKey() declare id: string;
  declare name: string;
  @HasMany(() => Order, "member_id") declare orders: NonAttribute<Order[]>;
  @HasOne(() => Profile, "member_id") declare profile: NonAttribute<Profile | null>;
  @ManyToMany(() => Club, () => Membership, { localPivotKey: "member_id", targetPivotKey: "club_id" })
  declare clubs: NonAttribute<Club[]>;
}

class Order extends Table<Order> {
  @PrimaryKey() declare id: string;
  declare member_id: string;
  declare product_id: string;
  declare total: number;
  @DeleteAt() declare deletedAt?: string;
  @BelongsTo(() => Member, "member_id") declare member: NonAttribute<Member | null>;
  @BelongsTo(() => Product, "product_id") declare product: NonAttribute<Product | null>;
}

class Profile extends Table<Profile> {
  @PrimaryKey() declare id: string;
  declare member_id: string;
  declare bio: string;
}

class Product extends Table<Product> {
  @PrimaryKey() declare id: string;
  declare title: string;
}

class Club extends Table<Club> {
  @PrimaryKey() declare id: string;
  declare title: string;
}

class Membership extends Table<Membership> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  declare member_id: string;
  declare club_id: string;
}

const pad = (n: number) => String(n).padStart(4, "0");
const memberId = (i: number) => `m${pad(i)}`;
const ORDERS_PER_MEMBER = 20;

describe("include: relations without N+1 and without scans", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => memberId(i));

  const db = useTestDatabase([Member, Order, Profile, Product, Club, Membership], async () => {
    await Member.createMany(Array.from({ length: 1_000 }, (_, i) => ({ id: memberId(i), name: `member ${i}` })));
    await Product.createMany(Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, title: `product ${i}` })));
    await Order.createMany(
      Array.from({ length: 100 * ORDERS_PER_MEMBER }, (_, i) => ({
        id: `o${pad(i)}`,
        member_id: memberId(i % 100),
        product_id: `p${i % 50}`,
        total: i % 40,
      })),
    );
    await Profile.createMany(Array.from({ length: 100 }, (_, i) => ({ id: `pr${i}`, member_id: memberId(i), bio: `bio ${i}` })));
    await Club.createMany([
      { id: "chess", title: "Chess" },
      { id: "go", title: "Go" },
      { id: "judo", title: "Judo" },
    ]);
  });

  it("the orders of 100 members: one BatchGetItem, one GSI Query per member, items read = items returned", async () => {
    const members = await Member.where({ id: hundred }, { include: { orders: true } });
    expect(members).toHaveLength(100);
    expect(members.every((m) => m.orders.length === ORDERS_PER_MEMBER && m.orders.every((o) => o.member_id === m.id))).toBe(true);
    expect(db.recorder.count("ScanCommand")).toBe(0);
    expect(db.recorder.count("GetItemCommand")).toBe(0);
    expect(db.recorder.count("BatchGetItemCommand")).toBe(1);
    expect(db.recorder.count("QueryCommand")).toBe(100);
    expect(
      db.recorder.requests.filter((r) => r.command === "QueryCommand").every((r) => r.input.IndexName === "GSI1_member_id"),
    ).toBe(true);
    expect(db.recorder.scanned()).toBe(100 * ORDERS_PER_MEMBER);
  });

  it("a per-parent limit is pushed down as Limit, and with a filter it still finds enough matches", async () => {
    const members = await Member.where({ id: hundred.slice(0, 10) }, { include: { orders: { limit: 3 } } });
    expect(members.every((m) => m.orders.length === 3)).toBe(true);
    expect(db.recorder.requests.filter((r) => r.command === "QueryCommand").every((r) => r.input.Limit === 3)).toBe(true);
    expect(db.recorder.scanned()).toBe(30);
    db.recorder.reset();
    const filtered = await Member.where(
      { id: hundred.slice(0, 10) },
      { include: { orders: { where: { total: { ">=": 20 } }, limit: 4 } } },
    );
    expect(filtered.every((m) => m.orders.length === 4 && m.orders.every((o) => o.total >= 20))).toBe(true);
  });

  it("nested includes share one deduplicated BatchGetItem per level", async () => {
    const members = await Member.where({ id: hundred }, { include: { orders: { include: { product: true } } } });
    expect(members.flatMap((m) => m.orders).every((o) => o.product?.id === o.product_id)).toBe(true);
    expect(db.recorder.count("BatchGetItemCommand")).toBe(2); // members, then the 50 distinct products once
    const productRequest = db.recorder.requests.filter((r) => r.command === "BatchGetItemCommand")[1];
    expect(productRequest.input.RequestItems.products.Keys).toHaveLength(50);
  });

  it("BelongsTo is one BatchGetItem for all rows; HasOne is a GSI Query on the child's foreign key", async () => {
    const orders = await Order.where({ member_id: memberId(3) }, { include: ["member"] });
    expect(orders.every((o) => o.member?.id === memberId(3))).toBe(true);
    expect(db.recorder.commands()).toEqual(["QueryCommand", "BatchGetItemCommand"]);
    db.recorder.reset();
    const member = await Member.first({ id: memberId(5) }, { include: ["profile"] });
    expect(member?.profile?.bio).toBe("bio 5");
    expect(db.recorder.commands()).toEqual(["GetItemCommand", "QueryCommand"]);
    expect(db.recorder.requests[1].input).toMatchObject({ IndexName: "GSI1_member_id", Limit: 1 });
  });

  it("an include over 1,000 parents works (never an IN/OR chain of ids)", async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => memberId(i));
    const members = await Member.where({ id: ids }, { include: ["orders"] });
    expect(members).toHaveLength(1_000);
    expect(members.filter((m) => m.orders.length === ORDERS_PER_MEMBER)).toHaveLength(100);
    expect(db.recorder.count("ScanCommand")).toBe(0);
    expect(db.recorder.count("QueryCommand")).toBe(1_000);
    expect(db.recorder.requests.every((r) => !String(r.input.FilterExpression ?? "").includes(" OR "))).toBe(true);
  });

  it("soft-deleted children are hidden from includes", async () => {
    const [first] = await Order.where({ member_id: memberId(7) }, { limit: 1 });
    await first.destroy();
    const member = await Member.first({ id: memberId(7) }, { include: ["orders"] });
    expect(member?.orders).toHaveLength(ORDERS_PER_MEMBER - 1);
    expect(member?.orders.some((o) => o.id === first.id)).toBe(false);
  });

  it("attributes fetch the keys includes need but return only what was asked", async () => {
    const member = (await Member.first(
      { id: memberId(2) },
      { attributes: ["name"], include: { orders: { attributes: ["total"] } } },
    ))!;
    expect(Object.keys(member.toJSON()).sort()).toEqual(["name", "orders"]);
    expect(member.orders).toHaveLength(ORDERS_PER_MEMBER);
    expect(Object.keys(member.orders[0].toJSON())).toEqual(["total"]);
    expect(db.recorder.requests[1].input.ProjectionExpression).toBeDefined();
  });

  it("ManyToMany: attach/detach/sync maintain the pivot; include queries the pivot's GSI then BatchGetItem", async () => {
    const member = (await Member.first({ id: memberId(1) }))!;
    expect((await member.attach("clubs", ["chess", "go"])).attached).toEqual(["chess", "go"]);
    expect((await member.attach("clubs", ["go"])).attached).toEqual([]);
    db.recorder.reset();
    const loaded = await Member.first({ id: memberId(1) }, { include: ["clubs"] });
    expect(loaded?.clubs.map((c) => c.id).sort()).toEqual(["chess", "go"]);
    expect(db.recorder.commands()).toEqual(["GetItemCommand", "QueryCommand", "BatchGetItemCommand"]);
    expect(db.recorder.requests[1].input.IndexName).toMatch(/^GSI\d_member_id$/);
    const synced = await member.sync("clubs", ["go", "judo"]);
    expect(synced).toEqual({ attached: ["judo"], detached: ["chess"] });
    expect(await member.detach("clubs", ["go"])).toEqual({ attached: [], detached: ["go"] });
    const after = await Member.first({ id: memberId(1) }, { include: ["clubs"] });
    expect(after?.clubs.map((c) => c.id)).toEqual(["judo"]);
    await expect(member.attach("orders", ["x"])).rejects.toThrow(ValidationError);
  });

  it("a non-relation include or a relation in attributes is a ValidationError before any request", async () => {
    await expect(Member.where({ id: hundred }, { include: ["name"] })).rejects.toThrow(/name.*not a relation/);
    await expect(Member.where({ id: hundred }, { include: { orders: { attributes: ["member"] } } })).rejects.toThrow(
      ValidationError,
    );
    await expect(Member.where({ id: hundred }, { include: { orders: { where: { total: { "=>": 1 } } } } })).rejects.toThrow(
      ValidationError,
    );
    expect(db.recorder.requests).toHaveLength(0);
  });
});
