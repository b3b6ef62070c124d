import { describe, expect, it } from "@jest/globals";
import { resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../..");

describe("type-level API (compiled with the TypeScript compiler)", () => {
  it("create() rejects a missing required attribute and accepts a missing CreationOptional one", () => {
    const configPath = resolve(root, "tsconfig.json");
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    const program = ts.createProgram([resolve(root, "test/types/create-input.types.ts")], { ...options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    // an unused @ts-expect-error is itself an error, so this also proves every rejected case is rejected
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
