import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// `npm test` builds dist/ first; these scripts load the built package the way users' apps do.
const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../..");
const dir = mkdtempSync(join(tmpdir(), "dynamite-formats-"));

function run(file: string, source: string, folder = dir): string {
  writeFileSync(join(folder, file), source);
  return execFileSync(process.execPath, [join(folder, file)], { cwd: root, encoding: "utf8" }).trim();
}

const probe = (load: string) => `
${load}
const { Dynamite, Table, PrimaryKey } = pkg;
const core = coreMod;
const testing = testingMod;
console.log(JSON.stringify({
  Dynamite: typeof Dynamite, Table: typeof Table, PrimaryKey: typeof PrimaryKey,
  coreTable: core.Table === Table,
  coreErrorIsRootError: new core.ValidationError({ model: "M", attribute: "a", rule: "r", message: "m" }) instanceof pkg.DynamiteError,
  rootErrorIsCoreError: new pkg.NotFoundError("gone") instanceof core.DynamiteError,
  startDynamoLocal: typeof testing.startDynamoLocal,
  DynamiteModule: typeof pkg.DynamiteModule,
}));`;

const expected = {
  Dynamite: "function",
  Table: "function",
  PrimaryKey: "function",
  coreTable: true,
  coreErrorIsRootError: true,
  rootErrorIsCoreError: true,
  startDynamoLocal: "function",
  DynamiteModule: "function",
};

describe("the built package (one bundle per entry, one shared core)", () => {
  it("imports from an ESM file (., ./core, ./testing)", () => {
    const out = run(
      "esm.mjs",
      probe(`import * as pkg from ${JSON.stringify(join(root, "dist/lib/index.js"))};
import * as coreMod from ${JSON.stringify(join(root, "dist/lib/core/index.js"))};
import * as testingMod from ${JSON.stringify(join(root, "dist/lib/testing/index.js"))};`),
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it("require()s from a CommonJS file (Node's require(esm))", () => {
    const out = run(
      "cjs.cjs",
      probe(`const pkg = require(${JSON.stringify(join(root, "dist/lib/index.js"))});
const coreMod = require(${JSON.stringify(join(root, "dist/lib/core/index.js"))});
const testingMod = require(${JSON.stringify(join(root, "dist/lib/testing/index.js"))});`),
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it("ships one bundled file per entry plus the shared chunk, with declarations", () => {
    const files = readdirSync(join(root, "dist/lib"), { recursive: true }).map(String);
    const js = files.filter((file) => file.endsWith(".js")).sort();
    expect(js.filter((file) => !file.startsWith("shared/"))).toEqual(["core/index.js", "index.js", "testing/index.js"]);
    expect(js.filter((file) => file.startsWith("shared/")).length).toBeLessThanOrEqual(3);
    expect(files).toEqual(expect.arrayContaining(["index.d.ts", "core/index.d.ts", "testing/index.d.ts"]));
  });

  it("resolves the exports map by name (self-reference from inside the package)", () => {
    const out = run(
      "self-reference-check.cjs",
      `const pkg = require("nestjs-dynamite"); const core = require("nestjs-dynamite/core");
       const testing = require("nestjs-dynamite/testing");
       console.log([typeof pkg.Dynamite, typeof core.Table, typeof testing.startDynamoLocal].join(","));`,
      join(root, "dist"),
    );
    expect(out).toBe("function,function,function");
  });
});
