import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { typeScriptBlocks, type CodeBlock } from "./code-blocks.js";
import { typeCheckBlocks, type BlockError } from "./type-check-blocks.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README.md", () => {
  let blocks: CodeBlock[];
  let errors: BlockError[];

  beforeAll(() => {
    blocks = typeScriptBlocks(readme);
    errors = typeCheckBlocks(blocks);
  }, 180_000);

  it("every ```ts block type-checks against the package source (errors listed by README line)", () => {
    const report = errors.map((e) => `README.md:${e.markdownLine} (${e.file}): ${e.message}`);
    expect(report).toEqual([]);
    expect(blocks.length).toBeGreaterThanOrEqual(20);
  });

  it("gives the two commands literally: npm install + npm start, and npm test", () => {
    expect(readme).toMatch(/npm install\s*\n\s*npm start/);
    expect(readme).toContain("npm test");
    expect(readme).toContain("DYNAMODB_ENDPOINT");
  });

  it("keeps the marked spot for the benchmark numbers", () => {
    expect(readme).toMatch(/## Benchmarks[\s\S]*npm run bench[\s\S]*<!-- bench:start -->[\s\S]*<!-- bench:end -->/);
  });
});
