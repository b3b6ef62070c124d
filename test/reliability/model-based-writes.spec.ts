import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { Dynamite } from "../../lib/core/index.js";
import { createTestDynamite } from "../helpers/test-dynamite.js";
import { ledgerCommands } from "./model-based/ledger-commands.js";
import { Ledger, type LedgerModel, type LedgerReal } from "./model-based/ledger-model.js";

/** 200 sequences with a fixed seed in CI; MODEL_RUNS / MODEL_SEED for a longer or another hunt. Failures shrink. */
const RUNS = {
  seed: Number(process.env.MODEL_SEED ?? 2026),
  numRuns: Number(process.env.MODEL_RUNS ?? 200),
  endOnFailure: true,
};

describe("model-based: random write sequences leave the table exactly as a model of it predicts", () => {
  let dynamite: Dynamite;
  beforeAll(async () => {
    dynamite = await createTestDynamite([Ledger]);
  });
  afterAll(() => dynamite.disconnect());

  it(
    "create, save, update, static update/delete, increment, destroy/restore/forceDestroy, tx, key reassignment, concurrent pairs",
    async () => {
      let sequence = 0;
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(ledgerCommands, { maxCommands: 12 }), async (commands) => {
          const model: LedgerModel = { rows: new Map(), instances: new Map() };
          const real: LedgerReal = {
            run: `run${sequence++}`,
            dynamite,
            client: dynamite.getClient(),
            instances: new Map(),
          };
          await fc.asyncModelRun(() => ({ model, real }), commands);
          steps += [...commands].length;
        }),
        RUNS,
      );
      expect(sequence).toBeGreaterThanOrEqual(RUNS.numRuns);
      expect(steps).toBeGreaterThan(RUNS.numRuns);
    },
    Math.max(90_000, RUNS.numRuns * 400),
  );
});
