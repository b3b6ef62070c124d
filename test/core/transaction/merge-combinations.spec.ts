import { describe, expect, it } from "@jest/globals";
import { ConflictError, NotFoundError, TransactionError } from "../../../lib/core/index.js";
import { Product } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

type Op = "insert" | "update" | "delete" | "check" | "increment";
type Row = Record<string, unknown>;
/** `alone`: the row the same two writes leave when sent one by one, where that differs (see the case). */
type Outcome = { sent: string[]; stored: Row | undefined } | { error: Function; alone?: Row };

/** The state a key is in while two writes run: the instance the later writes act on. */
interface Slot {
  id: string;
  row?: Product;
}

/** One write of the table; `check` outside a transaction is emulated by a read (Product.check only queues). */
async function apply(op: Op, slot: Slot, inTransaction: boolean): Promise<void> {
  switch (op) {
    case "insert":
      slot.row = await Product.create({ id: slot.id, stock: 1 });
      return;
    case "update":
      await slot.row!.update({ name: "u" });
      return;
    case "delete":
      await slot.row!.forceDestroy();
      return;
    case "check":
      if (inTransaction) return Product.check({ id: slot.id }, { stock: { ">=": 1 } });
      if (((await Product.first({ id: slot.id }, { consistentRead: true }))?.stock ?? 0) < 1) throw new ConflictError("check");
      return;
    case "increment":
      await slot.row!.increment("stock", 2);
      return;
  }
}

const before = { stock: 5 };
/** Every pair of writes to one key in one transaction, and what it does (README "Writes to one item"). */
const CASES: Array<[Op, Op, Outcome]> = [
  ["insert", "insert", { error: ConflictError }],
  ["insert", "update", { sent: ["Put"], stored: { stock: 1, name: "u" } }],
  ["insert", "delete", { sent: ["ConditionCheck"], stored: undefined }],
  ["insert", "check", { sent: ["Put"], stored: { stock: 1 } }],
  ["insert", "increment", { sent: ["Put"], stored: { stock: 3 } }],
  ["update", "insert", { error: ConflictError }],
  ["update", "update", { sent: ["Update"], stored: { stock: 5, name: "u" } }],
  ["update", "delete", { sent: ["Delete"], stored: undefined }],
  ["update", "check", { sent: ["Update"], stored: { stock: 5, name: "u" } }],
  ["update", "increment", { sent: ["Update"], stored: { stock: 7, name: "u" } }],
  ["delete", "insert", { sent: ["Put"], stored: { stock: 1 } }],
  // outside a transaction the destroyed instance is no longer persisted, so its save() inserts it
  // again; inside one it is destroyed only at commit, so the update finds no row
  ["delete", "update", { error: NotFoundError, alone: { stock: 5, name: "u" } }],
  ["delete", "delete", { error: NotFoundError }],
  ["delete", "check", { error: ConflictError }],
  ["delete", "increment", { error: NotFoundError }],
  // the check sees the row, the create refuses it: DynamoDB cancels the one merged action
  ["check", "insert", { error: TransactionError }],
  ["check", "update", { sent: ["Update"], stored: { stock: 5, name: "u" } }],
  ["check", "delete", { sent: ["Delete"], stored: undefined }],
  ["check", "check", { sent: ["ConditionCheck"], stored: { stock: 5 } }],
  ["check", "increment", { sent: ["Update"], stored: { stock: 7 } }],
  ["increment", "insert", { error: ConflictError }],
  ["increment", "update", { sent: ["Update"], stored: { stock: 7, name: "u" } }],
  ["increment", "delete", { sent: ["Delete"], stored: undefined }],
  ["increment", "check", { sent: ["Update"], stored: { stock: 7 } }],
  ["increment", "increment", { sent: ["Update"], stored: { stock: 9 } }],
];

/**
 * DynamoDB allows one action per item in a transaction, so two writes to one key merge into one.
 * Each pair is also run without a transaction, one write after the other: the merged action must
 * leave the same row, or fail where the sequence fails (and then write nothing at all).
 */
describe("two writes to one key in one transaction", () => {
  const db = useTxDatabase();

  async function start(first: Op, id: string): Promise<Slot> {
    if (first === "insert") return { id };
    await Product.create({ id, ...before });
    return { id, row: (await Product.first({ id }, { consistentRead: true }))! };
  }

  it.each(CASES)("%s then %s", async (first, second, outcome) => {
    const sequential = await start(first, `seq-${first}-${second}`);
    const sequenceError = await apply(first, sequential, false)
      .then(() => apply(second, sequential, false))
      .then(() => undefined)
      .catch((error: unknown) => error);

    const merged = await start(first, `tx-${first}-${second}`);
    const initial = await storedItem(db.dynamite, "products", { id: merged.id });
    db.attempts.reset();
    const error = await db.dynamite
      .tx(async () => {
        await apply(first, merged, true);
        await apply(second, merged, true);
      })
      .then(() => undefined)
      .catch((e: unknown) => e);
    const stored = await storedItem(db.dynamite, "products", { id: merged.id });

    if ("error" in outcome) {
      expect(error).toBeInstanceOf(outcome.error);
      if (outcome.alone) {
        expect(sequenceError).toBeUndefined();
        expect(await storedItem(db.dynamite, "products", { id: sequential.id })).toEqual({ id: sequential.id, ...outcome.alone });
      } else {
        expect(sequenceError).toBeDefined();
      }
      expect(stored).toEqual(initial);
      // refused before sending unless DynamoDB had to decide (TransactionError: cancelled)
      if (outcome.error !== TransactionError) expect(db.attempts.attempts).toHaveLength(0);
      return;
    }
    expect(error).toBeUndefined();
    expect(sequenceError).toBeUndefined();
    expect(db.attempts.lastItems().map((item) => Object.keys(item)[0])).toEqual(outcome.sent);
    expect(stored).toEqual(outcome.stored && { id: merged.id, ...outcome.stored });
    const { id: _, ...sequenceRow } = (await storedItem(db.dynamite, "products", { id: sequential.id })) ?? { id: "" };
    expect(stored && { ...stored, id: undefined }).toEqual(outcome.stored && { ...sequenceRow, id: undefined });
  });

  it("a create after a create of the same key in the table is refused even when the first row existed before", async () => {
    await Product.create({ id: "dup-existing" });
    const error = await db.dynamite
      .tx(async () => {
        await Product.create({ id: "dup-existing" });
        await Product.create({ id: "dup-existing" });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(db.attempts.attempts).toHaveLength(0);
  });

  it("create then forceDestroy of a key that already exists fails like the create would, and keeps the row", async () => {
    await Product.create({ id: "cd-existing", stock: 4 });
    const error = await db.dynamite
      .tx(async () => {
        const created = await Product.create({ id: "cd-existing" });
        await created.forceDestroy();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect((error as TransactionError).reasons[0]).toMatchObject({ code: "ConditionalCheckFailed" });
    expect(await storedItem(db.dynamite, "products", { id: "cd-existing" })).toEqual({ id: "cd-existing", stock: 4 });
  });

  it("increment then a check on the incremented attribute checks the value after the increment", async () => {
    const product = await Product.create({ id: "inc-check", stock: 1 });
    // 1 + 2 >= 3 holds, so the check (restated as stock >= 1 on the stored row) passes
    await db.dynamite.tx(async () => {
      await product.increment("stock", 2);
      await Product.check({ id: "inc-check" }, { stock: { ">=": 3 } });
    });
    expect((await storedItem(db.dynamite, "products", { id: "inc-check" }))?.stock).toBe(3);
    // 3 + 2 >= 6 does not: cancelled by DynamoDB, nothing written
    const error = await db.dynamite
      .tx(async () => {
        await product.increment("stock", 2);
        await Product.check({ id: "inc-check" }, { stock: { ">=": 6 } });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect((await storedItem(db.dynamite, "products", { id: "inc-check" }))?.stock).toBe(3);
  });

  it("a check that the queued create already fails is refused before sending", async () => {
    const error = await db.dynamite
      .tx(async () => {
        await Product.create({ id: "create-check", stock: 1 });
        await Product.check({ id: "create-check" }, { stock: { ">=": 2 } });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(db.attempts.attempts).toHaveLength(0);
    expect(await storedItem(db.dynamite, "products", { id: "create-check" })).toBeUndefined();
  });
});
