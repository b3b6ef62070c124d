import { describe, expect, it } from "@jest/globals";
import {
  ConfigError,
  currentTransaction,
  DynamiteError,
  Propagation,
  TransactionPropagationError,
  type TransactionContext,
} from "../../../lib/core/index.js";
import * as root from "../../../lib/index.js";
import { Product } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

describe("dynamite.tx(fn, { propagation })", () => {
  const db = useTxDatabase();
  const stored = (id: string) => storedItem(db.dynamite, "products", { id });
  const transacts = () => db.recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand");
  const sizes = () => transacts().map((r) => r.input.TransactItems.length);

  it("Propagation is an object of string members, exported from the root; its error is a DynamiteError", () => {
    expect(Propagation.REQUIRES_NEW).toBe("REQUIRES_NEW");
    expect(Object.values(Propagation)).toEqual(["REQUIRED", "REQUIRES_NEW", "MANDATORY", "NEVER", "SUPPORTS", "NOT_SUPPORTED"]);
    expect(root.Propagation).toBe(Propagation);
    expect(new TransactionPropagationError("x", "NEVER")).toBeInstanceOf(DynamiteError);
    expect(root.TransactionPropagationError).toBe(TransactionPropagationError);
  });

  describe("REQUIRED (the default)", () => {
    it("starts a transaction when none is open, and a nested one (string or member) joins it: one TransactWriteItems of 3", async () => {
      const seen: TransactionContext[] = [];
      await db.dynamite.tx(async (outer) => {
        seen.push(outer);
        await Product.create({ id: "req-1" });
        await db.dynamite.tx(
          async (tx) => {
            seen.push(tx);
            await Product.create({ id: "req-2" });
          },
          { propagation: "REQUIRED" },
        );
        await db.dynamite.tx(
          async (tx) => {
            seen.push(tx);
            await Product.create({ id: "req-3" });
          },
          {
            propagation: Propagation.REQUIRED,
          },
        );
        expect(sizes()).toEqual([]);
      });
      expect(new Set(seen).size).toBe(1);
      expect(sizes()).toEqual([3]);
    });
  });

  describe("REQUIRES_NEW", () => {
    it("inside a transaction, commits its own TransactWriteItems before the outer one continues; the outer's ambient transaction comes back", async () => {
      let inner: TransactionContext | undefined;
      await db.dynamite.tx(async (outer) => {
        await Product.create({ id: "new-outer" });
        await db.dynamite.tx(
          async (tx) => {
            inner = tx;
            expect(currentTransaction()).toBe(tx);
            await Product.create({ id: "new-inner" });
          },
          { propagation: Propagation.REQUIRES_NEW },
        );
        expect(sizes()).toEqual([1]);
        expect(await stored("new-inner")).toBeDefined();
        expect(await stored("new-outer")).toBeUndefined();
        expect(currentTransaction()).toBe(outer);
        expect(inner).not.toBe(outer);
      });
      expect(sizes()).toEqual([1, 1]);
      expect(transacts()[0].input.ClientRequestToken).not.toBe(transacts()[1].input.ClientRequestToken);
    });

    it("its commit stands when the outer transaction fails afterwards", async () => {
      await expect(
        db.dynamite.tx(async () => {
          await Product.create({ id: "new-kept-outer" });
          await db.dynamite.tx(() => Product.create({ id: "new-kept-inner" }), { propagation: "REQUIRES_NEW" });
          throw new Error("outer failed");
        }),
      ).rejects.toThrow("outer failed");
      expect(sizes()).toEqual([1]);
      expect(await stored("new-kept-inner")).toBeDefined();
      expect(await stored("new-kept-outer")).toBeUndefined();
    });

    it("its failure, caught by the outer callback, does not roll the outer transaction back", async () => {
      await db.dynamite.tx(async () => {
        await Product.create({ id: "new-survivor" });
        const error = await db.dynamite
          .tx(
            async () => {
              await Product.create({ id: "new-failed" });
              throw new Error("inner failed");
            },
            { propagation: "REQUIRES_NEW" },
          )
          .catch((e) => e);
        expect(error.message).toBe("inner failed");
      });
      expect(sizes()).toEqual([1]);
      expect(await stored("new-survivor")).toBeDefined();
      expect(await stored("new-failed")).toBeUndefined();
    });

    it("two concurrent REQUIRES_NEW inside one outer are two separate transactions (3 TransactWriteItems in all)", async () => {
      await db.dynamite.tx(async () => {
        await Product.create({ id: "par-outer" });
        await Promise.all(
          ["par-a", "par-b"].map((id) => db.dynamite.tx(() => Product.create({ id }), { propagation: "REQUIRES_NEW" })),
        );
      });
      expect(sizes()).toEqual([1, 1, 1]);
    });
  });

  describe("MANDATORY", () => {
    it("without a transaction: a TransactionPropagationError; the callback never runs, nothing is sent", async () => {
      let ran = false;
      const error = await db.dynamite.tx(async () => void (ran = true), { propagation: "MANDATORY" }).catch((e) => e);
      expect(error).toBeInstanceOf(TransactionPropagationError);
      expect(error.propagation).toBe("MANDATORY");
      expect(error.message).toMatch(/MANDATORY needs an open transaction/);
      expect(ran).toBe(false);
      expect(db.recorder.requests).toEqual([]);
    });

    it("inside a transaction: joins it (same context, one TransactWriteItems of 2)", async () => {
      await db.dynamite.tx(async (outer) => {
        await Product.create({ id: "mand-outer" });
        await db.dynamite.tx(
          async (tx) => {
            expect(tx).toBe(outer);
            await Product.create({ id: "mand-inner" });
          },
          { propagation: Propagation.MANDATORY },
        );
      });
      expect(sizes()).toEqual([2]);
    });

    it("a joined MANDATORY callback that throws rolls the outer back even when caught", async () => {
      const error = await db.dynamite
        .tx(async () => {
          await Product.create({ id: "mand-rollback" });
          await db.dynamite
            .tx(
              async () => {
                throw new Error("inner");
              },
              { propagation: "MANDATORY" },
            )
            .catch(() => undefined);
        })
        .catch((e) => e);
      expect(error.message).toMatch(/rolled back/);
      expect(sizes()).toEqual([]);
    });
  });

  describe("NEVER", () => {
    it("without a transaction: runs with tx undefined and its writes are sent one by one (2 PutItem)", async () => {
      const result = await db.dynamite.tx(
        async (tx) => {
          expect(tx).toBeUndefined();
          expect(currentTransaction()).toBeUndefined();
          await Product.create({ id: "never-1" });
          await Product.create({ id: "never-2" });
          return "done";
        },
        { propagation: "NEVER" },
      );
      expect(result).toBe("done");
      expect(db.recorder.commands()).toEqual(["PutItemCommand", "PutItemCommand"]);
    });

    it("inside a transaction: a TransactionPropagationError before the callback runs; the outer may catch it and commit", async () => {
      let ran = false;
      await db.dynamite.tx(async () => {
        await Product.create({ id: "never-outer" });
        const error = await db.dynamite.tx(async () => void (ran = true), { propagation: "NEVER" }).catch((e) => e);
        expect(error).toBeInstanceOf(TransactionPropagationError);
        expect(error.message).toMatch(/NEVER refuses to run inside an open transaction/);
      });
      expect(ran).toBe(false);
      expect(sizes()).toEqual([1]);
    });
  });

  describe("SUPPORTS", () => {
    it("without a transaction: runs without one (tx undefined, a PutItem)", async () => {
      await db.dynamite.tx(
        async (tx) => {
          expect(tx).toBeUndefined();
          await Product.create({ id: "sup-alone" });
        },
        { propagation: "SUPPORTS" },
      );
      expect(db.recorder.commands()).toEqual(["PutItemCommand"]);
    });

    it("inside a transaction: joins it (one TransactWriteItems of 2)", async () => {
      await db.dynamite.tx(async (outer) => {
        await Product.create({ id: "sup-outer" });
        await db.dynamite.tx(
          async (tx) => {
            expect(tx).toBe(outer);
            await Product.create({ id: "sup-inner" });
          },
          { propagation: "SUPPORTS" },
        );
      });
      expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
      expect(sizes()).toEqual([2]);
    });
  });

  describe("NOT_SUPPORTED", () => {
    it("inside a transaction: its writes go straight to the table and survive the outer rollback; the outer is back afterwards", async () => {
      await expect(
        db.dynamite.tx(async (outer) => {
          await Product.create({ id: "ns-outer" });
          await db.dynamite.tx(
            async (tx) => {
              expect(tx).toBeUndefined();
              expect(currentTransaction()).toBeUndefined();
              await Product.create({ id: "ns-direct" });
            },
            { propagation: Propagation.NOT_SUPPORTED },
          );
          expect(db.recorder.commands()).toEqual(["PutItemCommand"]);
          expect(currentTransaction()).toBe(outer);
          throw new Error("outer failed");
        }),
      ).rejects.toThrow("outer failed");
      expect(await stored("ns-direct")).toBeDefined();
      expect(await stored("ns-outer")).toBeUndefined();
      expect(sizes()).toEqual([]);
    });
  });

  describe("nested combinations", () => {
    it("REQUIRED > REQUIRES_NEW > (MANDATORY joins the new one, SUPPORTS joins it, NOT_SUPPORTED writes alone): 1 PutItem, then TWIs of 3 and 1", async () => {
      await db.dynamite.tx(async (outer) => {
        await Product.create({ id: "combo-outer" });
        await db.dynamite.tx(
          async (inner) => {
            await Product.create({ id: "combo-new" });
            await db.dynamite.tx(
              async (tx) => {
                expect(tx).toBe(inner);
                await Product.create({ id: "combo-mand" });
              },
              {
                propagation: "MANDATORY",
              },
            );
            await db.dynamite.tx(
              async (tx) => {
                expect(tx).toBe(inner);
                await Product.create({ id: "combo-sup" });
              },
              {
                propagation: "SUPPORTS",
              },
            );
            await db.dynamite.tx(() => Product.create({ id: "combo-direct" }), { propagation: "NOT_SUPPORTED" });
          },
          { propagation: "REQUIRES_NEW" },
        );
        expect(currentTransaction()).toBe(outer);
      });
      expect(db.recorder.commands()).toEqual(["PutItemCommand", "TransactWriteItemsCommand", "TransactWriteItemsCommand"]);
      expect(sizes()).toEqual([3, 1]);
    });

    it("NOT_SUPPORTED > (MANDATORY fails, NEVER runs, REQUIRED starts a fresh transaction of its own)", async () => {
      await db.dynamite.tx(async () => {
        await Product.create({ id: "suspended-outer" });
        await db.dynamite.tx(
          async () => {
            await expect(db.dynamite.tx(async () => undefined, { propagation: "MANDATORY" })).rejects.toBeInstanceOf(
              TransactionPropagationError,
            );
            await db.dynamite.tx(() => Product.create({ id: "suspended-never" }), { propagation: "NEVER" });
            await db.dynamite.tx(() => Product.create({ id: "suspended-required" }));
          },
          { propagation: "NOT_SUPPORTED" },
        );
      });
      expect(db.recorder.commands()).toEqual(["PutItemCommand", "TransactWriteItemsCommand", "TransactWriteItemsCommand"]);
      expect(sizes()).toEqual([1, 1]);
    });

    it("REQUIRES_NEW > NEVER is refused (the new transaction is open)", async () => {
      const error = await db.dynamite
        .tx(() => db.dynamite.tx(async () => "no", { propagation: "NEVER" }), { propagation: "REQUIRES_NEW" })
        .catch((e) => e);
      expect(error).toBeInstanceOf(TransactionPropagationError);
      expect(sizes()).toEqual([]);
    });
  });

  it("an unknown mode (or options that are not an object, or no callback) is refused before anything runs or is sent", async () => {
    for (const propagation of ["required", "", "NESTED", 42, null, "__proto__", "constructor"]) {
      let ran = false;
      const error = await db.dynamite.tx(async () => void (ran = true), { propagation } as never).catch((e) => e);
      expect(error).toBeInstanceOf(TransactionPropagationError);
      expect(error.message).toContain("REQUIRED, REQUIRES_NEW, MANDATORY, NEVER, SUPPORTS, NOT_SUPPORTED");
      expect(ran).toBe(false);
    }
    for (const options of ["REQUIRES_NEW", 1, true]) {
      const error = await db.dynamite.tx(async () => undefined, options as never).catch((e) => e);
      expect(error).toBeInstanceOf(TransactionPropagationError);
      expect(error.message).toMatch(/must be an object such as \{ propagation: "REQUIRES_NEW" \}/);
    }
    for (const callback of [undefined, null, "fn", {}]) {
      await expect(db.dynamite.tx(callback as never)).rejects.toBeInstanceOf(ConfigError);
    }
    await db.dynamite.tx(() => Product.create({ id: "no-options" }), undefined);
    await db.dynamite.tx(() => Product.create({ id: "empty-options" }), {});
    expect(sizes()).toEqual([1, 1]);
  });
});
