import { describe, expect, it } from "@jest/globals";
import { typeScriptBlocks } from "./code-blocks.js";
import { typeCheckBlocks } from "./type-check-blocks.js";

describe("README code-block checker", () => {
  it("extracts ts/typescript blocks with their Markdown line and file name, and skips bash/text", () => {
    const md = [
      "# x",
      "```ts file=models.ts",
      "export const a = 1;",
      "```",
      "```bash",
      "npm test",
      "```",
      "```typescript",
      "const b = 2;",
      "```",
    ].join("\n");
    expect(typeScriptBlocks(md)).toEqual([
      { file: "models.ts", line: 3, code: "export const a = 1;" },
      { file: "block-8.ts", line: 9, code: "const b = 2;" },
    ]);
  });

  it("reports a type error at its README line, and resolves nestjs-dynamite and ./models.js", () => {
    const errors = typeCheckBlocks([
      {
        file: "models.ts",
        line: 10,
        code: 'import { Table, PrimaryKey } from "nestjs-dynamite";\nexport class Thing extends Table<Thing> { @PrimaryKey() declare id: string; }',
      },
      {
        file: "use.ts",
        line: 20,
        code: 'import { Thing } from "./models.js";\n\nconst n: number = "not a number";\nawait Thing.first({ id: "t1" });',
      },
    ]);
    expect(errors).toEqual([
      { file: "use.ts", markdownLine: 22, message: expect.stringContaining("not assignable to type 'number'") },
    ]);
  }, 180_000);
});
