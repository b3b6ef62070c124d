import { describe, expect, it } from "@jest/globals";
import { ValidationError } from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { Gadget, Tick, seedGadgets } from "./fixtures.js";

describe("compat: read options offset, _includeTrashed and order by attribute", () => {
  const db = useTestDatabase([Gadget, Tick], seedGadgets);

  it("offset is skip", async () => {
    const viaOffset = await Tick.where({ stream: "s" }, { offset: 2, limit: 2 });
    const viaSkip = await Tick.where({ stream: "s" }, { skip: 2, limit: 2 });
    expect(viaOffset.map((t) => t.seq)).toEqual([3, 4]);
    expect(viaSkip.map((t) => t.seq)).toEqual([3, 4]);
  });

  it("offset and skip that disagree are refused; equal ones are accepted", async () => {
    await expect(Tick.where({ stream: "s" }, { offset: 1, skip: 2 })).rejects.toThrow(/offset is an alias of skip/);
    expect((await Tick.where({ stream: "s" }, { offset: 1, skip: 1 })).length).toBe(4);
  });

  it("order: { <sort key>: 'DESC' } is order 'DESC': a Query read backwards, stopping at limit", async () => {
    const rows = await Tick.where({ stream: "s" }, { order: { seq: "DESC" }, limit: 2 });
    expect(rows.map((t) => t.seq)).toEqual([5, 4]);
    expect(db.recorder.requests[0].input.ScanIndexForward).toBe(false);
    expect(db.recorder.requests[0].input.Limit).toBe(2);
    expect(Tick.explain({ stream: "s" }, { order: { seq: "DESC" } }).sortedInMemory).toBeUndefined();
  });

  it("order on another attribute reads every match, sorts in memory, then applies offset and limit", async () => {
    const rows = await Gadget.where({ category: "even" }, { order: { price: "DESC" }, offset: 1, limit: 3 });
    expect(rows.map((g) => g.price)).toEqual([90, 70, 50]);
    expect(Gadget.explain({ category: "even" }, { order: { price: "DESC" } }).sortedInMemory).toEqual({
      attribute: "price",
      order: "DESC",
    });
    // the Scan is not cut at limit: all 12 rows were read to find the top ones
    expect(db.recorder.scanned()).toBe(12);
  });

  it("sorted in memory on the sort-key read of a Query: order by size, not by seq", async () => {
    const rows = await Tick.where({ stream: "s" }, { order: { size: "ASC" } });
    expect(rows.map((t) => t.size)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((t) => t.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it("rows without the attribute come last in both directions", async () => {
    const ascending = await Gadget.where({}, { order: { rating: "ASC" } });
    expect(ascending.slice(0, 4).map((g) => g.rating)).toEqual([3, 6, 9, 12]);
    expect(ascending.slice(4).every((g) => g.rating === undefined)).toBe(true);
    const descending = await Gadget.where({}, { order: { rating: "desc" as "DESC" } });
    expect(descending.slice(0, 4).map((g) => g.rating)).toEqual([12, 9, 6, 3]);
  });

  it("first/last follow the in-memory order, and a projection still gets the sort attribute", async () => {
    expect((await Gadget.first({}, { order: { price: "ASC" } }))?.price).toBe(10);
    expect((await Gadget.last({}, { order: { price: "ASC" } }))?.price).toBe(120);
    const projected = await Gadget.where({}, { order: { price: "DESC" }, attributes: ["name"], limit: 2 });
    expect(projected.map((g) => g.name)).toEqual(["g11", "g10"]);
    expect(projected[0]).not.toHaveProperty("price");
  });

  it.each([
    [{ order: { price: "UP" } }, /order must be/],
    [{ order: { price: "ASC", name: "DESC" } }, /order must be/],
    [{ order: {} }, /order must be/],
    [{ _includeTrashed: "yes" }, /_includeTrashed must be true or false/],
  ])("%j is refused before any request", async (options, message) => {
    const error = await Gadget.where({}, options as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(db.recorder.commands()).toEqual([]);
  });

  it("paginate refuses an order it would have to sort in memory", async () => {
    await expect(Gadget.paginate({}, { limit: 2, order: { price: "ASC" } as never })).rejects.toThrow(
      /paginate orders by the sort key only/,
    );
  });

  it("_includeTrashed: true is withTrashed(); false (or absent) hides soft-deleted rows", async () => {
    const doomed = await Gadget.create({ name: "doomed" });
    await doomed.destroy();
    expect(await Gadget.where({ name: "doomed" })).toHaveLength(0);
    expect(await Gadget.where({ name: "doomed" }, { _includeTrashed: false })).toHaveLength(0);
    const shown = await Gadget.where({ name: "doomed" }, { _includeTrashed: true });
    expect(shown.map((g) => g.id)).toEqual([doomed.id]);
    expect(typeof shown[0].deleted_at).toBe("string");
    expect(await Gadget.withTrashed({ name: "doomed" })).toHaveLength(1);
    await doomed.forceDestroy();
  });

  it("_includeTrashed does not widen onlyTrashed()", async () => {
    expect(await Gadget.onlyTrashed({}, { _includeTrashed: true })).toHaveLength(0);
  });
});
