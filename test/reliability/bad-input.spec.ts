import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { useTestDatabase } from "../helpers/use-test-database.js";
import type { BadInputCase } from "./bad-input/bad-input-case.js";
import { configCases } from "./bad-input/config-cases.js";
import { LIMIT_CASES } from "./bad-input/limit-cases.js";
import { EDGE_CASES } from "./bad-input/edge-cases.js";
import { READ_CASES } from "./bad-input/read-cases.js";
import { WRITE_CASES } from "./bad-input/write-cases.js";
import { CATALOGUE_TABLES } from "./fixtures.js";

describe("bad-input catalogue: a typed error with a clear message, and zero requests", () => {
  const db = useTestDatabase(CATALOGUE_TABLES);

  const cases = (): BadInputCase[] => [...WRITE_CASES, ...READ_CASES, ...LIMIT_CASES, ...configCases(db.dynamite), ...EDGE_CASES];
  const labels = [...WRITE_CASES, ...READ_CASES, ...LIMIT_CASES, ...configCases(undefined as never), ...EDGE_CASES].map(
    (c) => c.input,
  );

  it("holds at least 40 cases, all listed in the README's bad-input catalogue", () => {
    expect(labels.length).toBeGreaterThanOrEqual(40);
    const doc = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(labels.filter((label) => !doc.includes(label))).toEqual([]);
  });

  it.each(labels.map((label, index) => [label, index]))("%s", async (_label, index) => {
    const badCase = cases()[index as number];
    const error = await Promise.resolve()
      .then(() => badCase.run())
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(badCase.error);
    expect((error as Error).message).toMatch(badCase.message);
    expect(db.recorder.commands()).toEqual([]);
  });
});
