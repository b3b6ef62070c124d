/** One fenced TypeScript block of a Markdown file. */
export interface CodeBlock {
  /** Module file the block becomes: the `file=` of its info string, else `block-<n>.ts`. */
  file: string;
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
  code: string;
}

const FENCE = /^```(\S*)(.*)$/;
const TYPESCRIPT = new Set(["ts", "typescript", "tsx", "mts"]);

/**
 * Every ```ts block (also ```typescript, so none escapes the check). An info string like
 * ```ts file=models.ts names the module, so other blocks can `import … from "./models.js"`.
 */
export function typeScriptBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(FENCE);
    if (!open) continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith("```"));
    if (end === -1) throw new Error(`README line ${i + 1}: a code block is never closed`);
    if (TYPESCRIPT.has(open[1])) {
      const named = open[2].match(/file=(\S+\.ts)/);
      blocks.push({ file: named?.[1] ?? `block-${i + 1}.ts`, line: i + 2, code: lines.slice(i + 1, end).join("\n") });
    }
    i = end;
  }
  return blocks;
}
