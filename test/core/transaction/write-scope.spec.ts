import { describe, expect, it } from "@jest/globals";
import { setTimeout as delay } from "node:timers/promises";
import { currentTransaction } from "../../../lib/core/index.js";
import { AsyncLocalStorage } from "node:async_hooks";
import { writeScopeState } from "../../../lib/core/engine/write-scope.js";
import { Product } from "./fixtures.js";
import { storedItem, useTxDatabase } from "./tx-helpers.js";

/**
 * The transaction scope (an AsyncLocalStorage) is enabled only while a transaction runs: on Node 20/22
 * an enabled one slows every promise of the process. These tests pin that it is switched off after
 * each transaction and that switching it off and on changes nothing a write can see.
 */
describe("the transaction scope is enabled only while a transaction runs", () => {
  const db = useTxDatabase();
  const transacts = () => db.recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand");

  it("on during the callback and the commit, off once it committed: no promise hook left after it", async () => {
    // Node 20/22 storage hooks every promise while enabled (it has an `enabled` flag); Node 24's does not
    const hooksPromises = "enabled" in new AsyncLocalStorage();
    expect(writeScopeState().running).toBe(0);
    let during = -1;
    let hookedDuring: boolean | undefined;
    await db.dynamite.tx(async (tx) => {
      during = writeScopeState().running;
      hookedDuring = writeScopeState().hooked;
      await Product.create({ id: "scope-1" });
      tx.afterCommit(() => {
        during = writeScopeState().running * 10 + during;
      });
    });
    expect(during).toBe(11); // 1 in the callback, still 1 in the afterCommit hook
    expect(hookedDuring).toBe(hooksPromises);
    expect(writeScopeState()).toEqual({ running: 0, hooked: false });
    expect(transacts()).toHaveLength(1);
  });

  it("off after a callback that throws (nothing sent)", async () => {
    await expect(
      db.dynamite.tx(async () => {
        await Product.create({ id: "scope-thrown" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(writeScopeState().running).toBe(0);
    expect(transacts()).toHaveLength(0);
    expect(await storedItem(db.dynamite, "products", { id: "scope-thrown" })).toBeUndefined();
  });

  it("counts a REQUIRES_NEW transaction inside another: off only when the outer one ends", async () => {
    const seen: number[] = [];
    await db.dynamite.tx(async () => {
      seen.push(writeScopeState().running);
      await db.dynamite.tx(
        async () => {
          seen.push(writeScopeState().running);
          await Product.create({ id: "scope-inner" });
        },
        { propagation: "REQUIRES_NEW" },
      );
      seen.push(writeScopeState().running);
      await Product.create({ id: "scope-outer" });
    });
    expect(seen).toEqual([1, 2, 1]);
    expect(writeScopeState().running).toBe(0);
    expect(transacts().map((r) => r.input.TransactItems.length)).toEqual([1, 1]);
  });

  it("a write left running by the callback, landing after the commit, is sent on its own and not lost", async () => {
    let late: Promise<unknown> | undefined;
    await db.dynamite.tx(async () => {
      await Product.create({ id: "scope-in-tx" });
      late = (async () => {
        await delay(30);
        return Product.create({ id: "scope-late" });
      })();
    });
    await late;
    expect(writeScopeState().running).toBe(0);
    expect(db.recorder.commands()).toEqual(["TransactWriteItemsCommand", "PutItemCommand"]);
    expect(await storedItem(db.dynamite, "products", { id: "scope-late" })).toMatchObject({ id: "scope-late" });
  });

  it("switched on again for the next transaction, and concurrent transactions keep their own writes", async () => {
    await db.dynamite.tx(async () => {
      await Product.create({ id: "scope-first" });
    });
    expect(writeScopeState().running).toBe(0);
    await Promise.all(
      [3, 5].map((count) =>
        db.dynamite.tx(async (tx) => {
          for (let i = 0; i < count; i++) {
            await Product.create({ id: `scope-c${count}-${i}` });
            expect(currentTransaction()).toBe(tx);
          }
        }),
      ),
    );
    expect(writeScopeState().running).toBe(0);
    expect(currentTransaction()).toBeUndefined();
    expect(
      transacts()
        .map((r) => r.input.TransactItems.length)
        .sort(),
    ).toEqual([1, 3, 5]);
    expect(db.recorder.count("PutItemCommand")).toBe(0);
  });
});
