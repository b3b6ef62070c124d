import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, "..", "..");
const INSTALL_TIMEOUT = 300_000;

// Runs in CI with `npm test`, which builds dist/ first; the packed tarball is exactly what users install.
describe("Nest 11 compatibility (CommonJS app, require(esm))", () => {
  let dir: string;

  beforeAll(async () => {
    await stat(join(repoRoot, "dist", "lib", "index.js")); // built by `npm run build`
    dir = await mkdtemp(join(tmpdir(), "dynamite-nest11-"));
    await run("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: repoRoot });
    const tarball = (await readdir(dir)).find((file) => file.endsWith(".tgz"))!;
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "nest11-smoke", private: true }));
    await run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        `./${tarball}`,
        "@nestjs/common@11",
        "@nestjs/core@11",
        "reflect-metadata",
        "rxjs",
      ],
      { cwd: dir, timeout: INSTALL_TIMEOUT },
    );
    await copyFile(join(import.meta.dirname, "nest11", "smoke.cjs"), join(dir, "smoke.cjs"));
  }, INSTALL_TIMEOUT + 60_000);
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it("require()s the package, boots forRoot + forFeature on Nest 11, writes and reads one row", async () => {
    const { stdout } = await run(process.execPath, ["smoke.cjs"], { cwd: dir, env: process.env, timeout: 60_000 });
    const report = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(report.nest).toMatch(/^11\./);
    expect(report.row).toEqual({ id: "n1", text: "hello from Nest 11" });
    expect(report.ready).toBe(true);
    expect(report.readyAfterClose).toBe(false);
  }, 90_000);
});
