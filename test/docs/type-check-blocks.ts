import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { CodeBlock } from "./code-blocks.js";

/** One type error, placed at its line in the Markdown file. */
export interface BlockError {
  file: string;
  markdownLine: number;
  message: string;
}

const root = new URL("../../", import.meta.url).pathname;

/** What a user's `import … from "nestjs-dynamite…"` resolves to: the package source. */
const packagePaths = {
  "nestjs-dynamite": [join(root, "lib/index.ts")],
  "nestjs-dynamite/core": [join(root, "lib/core/index.ts")],
  "nestjs-dynamite/testing": [join(root, "lib/testing/index.ts")],
};

function compilerOptions(dir: string): ts.CompilerOptions {
  const configFile = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  return {
    ...options,
    noEmit: true,
    declaration: false,
    rootDir: undefined,
    outDir: undefined,
    baseUrl: dir,
    paths: packagePaths,
    typeRoots: [join(root, "node_modules/@types")],
  };
}

/**
 * Writes the blocks as ES modules of a temporary project (so top-level await and imports work)
 * and type-checks them with the repository's compiler options. Returns the errors in the blocks.
 */
export function typeCheckBlocks(blocks: CodeBlock[]): BlockError[] {
  // Inside node_modules/.cache so that imports of @nestjs/* resolve to the repository's packages.
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "readme-blocks-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const byPath = new Map<string, CodeBlock>();
    for (const block of blocks) {
      const path = join(dir, block.file);
      if (byPath.has(path)) throw new Error(`two README blocks are named ${block.file}`);
      // `export {}` makes a block without imports a module, so its names don't clash with other blocks.
      writeFileSync(path, `${block.code}\nexport {};\n`);
      byPath.set(path, block);
    }
    const program = ts.createProgram([...byPath.keys()], compilerOptions(dir));
    return ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => {
      const block = diagnostic.file && byPath.get(diagnostic.file.fileName);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file) return [{ file: "(options)", markdownLine: 0, message }];
      if (!block) return []; // errors inside the package itself are other tests' business
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return [{ file: block.file, markdownLine: block.line + line, message }];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
