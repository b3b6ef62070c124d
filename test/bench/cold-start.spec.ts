import { describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { IMPORT_TARGETS, measureImports, renderColdStart, tarballSize } from "../../bench/cold-start.js";

// `npm test` builds dist/lib first; the scenario imports the package by name, as an app does.
const root = join(import.meta.dirname, "..", "..");

describe("bench: import-time scenario (smoke: 2 rounds, timings not asserted)", () => {
  it("times each import in fresh processes, alternating, and compares the core with raw lib-dynamodb", () => {
    const targets = IMPORT_TARGETS.filter(
      (t) => t.specifier === "nestjs-dynamite/core" || t.specifier === "@aws-sdk/lib-dynamodb",
    );
    const results = measureImports(root, 2, targets);
    expect(results.map((r) => [r.id, r.samples])).toEqual([
      ["nestjs-dynamite/core", 2],
      ["raw @aws-sdk/lib-dynamodb", 2],
    ]);
    for (const r of results) expect(r.medianMs).toBeGreaterThan(0);
    expect(results[1].vsRaw).toBe(1);
    const text = renderColdStart({ results, tarball: tarballSize(root) });
    expect(text).toMatch(/Target `nestjs-dynamite\/core` <= 1\.15x raw lib-dynamodb: \d+\.\d\dx, (met|NOT met)\./);
    expect(text).toMatch(/Tarball \(`npm pack`\): \d+\.\d KiB compressed, \d+\.\d KiB unpacked, \d+ files\./);
  }, 120_000);

  it("a module that cannot be imported fails the scenario instead of timing nothing", () => {
    expect(() => measureImports(root, 1, [{ id: "missing", specifier: "no-such-package-dynamite" }])).toThrow();
  }, 60_000);
});
