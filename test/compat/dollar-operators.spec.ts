import { describe, expect, it } from "@jest/globals";
import { ValidationError } from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { Gadget, Tick, seedGadgets } from "./fixtures.js";

const prices = (rows: Gadget[]) => rows.map((g) => g.price).sort((a, b) => a - b);

describe("compat: $ operators are aliases of ours", () => {
  const db = useTestDatabase([Gadget, Tick], seedGadgets);

  it.each([
    ["$eq", "=", 30],
    ["$ne", "!=", 30],
    ["$gt", ">", 90],
    ["$gte", ">=", 90],
    ["$lt", "<", 30],
    ["$lte", "<=", 30],
    ["$in", "in", [10, 20, 999]],
    ["$nin", "not-in", [10, 20]],
  ])("{ price: { %s } } sends the same request and finds the same rows as { price: { %s } }", async (alias, ours, value) => {
    expect(Gadget.explain({ price: { [alias]: value } })).toEqual(Gadget.explain({ price: { [ours]: value } }));
    const viaAlias = await Gadget.where({ price: { [alias]: value } });
    const viaOurs = await Gadget.where({ price: { [ours]: value } });
    expect(prices(viaAlias)).toEqual(prices(viaOurs));
    expect(viaAlias.length).toBeGreaterThan(0);
  });

  it("$gt is a comparison, not a map compared for equality (5 of 12 rows are over 70)", async () => {
    expect(prices(await Gadget.where({ price: { $gt: 70 } }))).toEqual([80, 90, 100, 110, 120]);
    expect(Gadget.explain({ price: { $gt: 70 } }).filter).toBe("(#n0 > :v0) AND (attribute_not_exists(#n1))");
  });

  it("a range of two aliases on one attribute is two conditions ANDed", async () => {
    expect(prices(await Gadget.where({ price: { $gte: 50, $lte: 70 } }))).toEqual([50, 60, 70]);
  });

  it("$include and $contains are contains()", async () => {
    expect((await Gadget.where({ tags: { $include: "featured" } })).length).toBe(2);
    expect((await Gadget.where({ tags: { $contains: "featured" } })).length).toBe(2);
    expect(Gadget.explain({ tags: { $include: "x" } }).filter).toMatch(/^\(contains\(#n0, :v0\)\)/);
  });

  it("$exists / $notExists take a boolean and test presence", async () => {
    expect((await Gadget.where({ rating: { $exists: true } })).length).toBe(4);
    expect((await Gadget.where({ rating: { $notExists: true } })).length).toBe(8);
    expect((await Gadget.where({ rating: { $exists: false } })).length).toBe(8);
    expect((await Gadget.where({ rating: { $notExists: false } })).length).toBe(4);
  });

  it("where(field, '$gt', value) is the three-argument form with our operator", async () => {
    expect(prices(await Gadget.where("price", "$gt", 100))).toEqual([110, 120]);
    expect(prices(await Gadget.where("price", "$in", [10, 120]))).toEqual([10, 120]);
  });

  it("an alias on the sort key still goes into the Query's key condition", () => {
    const plan = Tick.explain({ stream: "s", seq: { $gte: 2 } });
    expect(plan.operation).toBe("Query");
    expect(plan.keyCondition).toBe("#n0 = :v0 AND #n1 >= :v1");
  });

  it.each([
    [{ price: { $in: [] } }, /non-empty array/],
    [{ price: { $nin: "10" } }, /non-empty array/],
    [{ rating: { $exists: "yes" } }, /"\$exists" takes true or false/],
    [{ price: { $gtt: 5 } }, /unknown operator "\$gtt"/],
    [{ price: { $regex: ".*" } }, /unknown operator "\$regex"/],
  ])("%j is refused before any request", async (filters, message) => {
    const error = await Gadget.where(filters as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(db.recorder.commands()).toEqual([]);
  });

  it("an unknown $ spelling in the three-argument form is refused too", async () => {
    await expect(Gadget.where("price", "$like" as never, 5)).rejects.toThrow(/unknown operator "\$like"/);
    expect(db.recorder.commands()).toEqual([]);
  });
});
