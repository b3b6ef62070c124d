import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { testEndpoint } from "../helpers/test-dynamite.js";

// What a new user does: `npm pack`ed package (built by `npm test`) into an empty app, compiled with
// the app's own tsc settings, run against DynamoDB Local. Two apps:
// - ESM (`"type": "module"`, moduleResolution nodenext): installs ONLY the tarball; npm brings the
//   peers (NestJS, reflect-metadata, rxjs) and the newest AWS SDK release in our range.
// - CommonJS (moduleResolution node10, TypeScript's classic CommonJS setup; typesVersions maps the
//   subpaths): also pins the AWS SDK to the floor of our range, as an app with an older SDK would.
const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, "..", "..");
const fixtures = join(import.meta.dirname, "fixtures");
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
const INSTALL_TIMEOUT = 300_000;

const manifest = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8"));
const SDK_FLOOR: string = manifest.dependencies["@aws-sdk/client-dynamodb"].replace(/^\^/, "");

interface App {
  kind: "esm" | "cjs";
  dir: string;
  sdk: string[];
  tsconfig: Record<string, unknown>;
}

const common = {
  target: "ES2022",
  strict: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  skipLibCheck: true,
  lib: ["ES2023", "DOM"], // console and crypto.randomUUID() without installing @types/node
  types: [],
  outDir: "out",
};

const apps: App[] = [
  { kind: "esm", dir: "", sdk: [], tsconfig: { ...common, module: "nodenext", moduleResolution: "nodenext" } },
  {
    kind: "cjs",
    dir: "",
    sdk: [`@aws-sdk/client-dynamodb@${SDK_FLOOR}`, `@aws-sdk/lib-dynamodb@${SDK_FLOOR}`],
    tsconfig: { ...common, module: "commonjs", moduleResolution: "node10", esModuleInterop: true },
  },
];

/** Every copy of a package on disk under node_modules (nested copies included). */
async function copiesOf(dir: string, name: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (modules: string) => {
    if (!existsSync(modules)) return;
    if (existsSync(join(modules, name, "package.json"))) found.push(join(modules, name));
    for (const entry of await readdir(modules)) {
      const entries = entry.startsWith("@") ? (await readdir(join(modules, entry))).map((e) => `${entry}/${e}`) : [entry];
      for (const pkg of entries) await walk(join(modules, pkg, "node_modules"));
    }
  };
  await walk(join(dir, "node_modules"));
  return found;
}

/** The AWS SDK's own notice on Node 20 ("versions published after ... will require node >=22"): not ours. */
const SDK_NODE_NOTICE = /\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?\(Use `node --trace-warnings[^\n]*\n?/;

/** Compiles src/<file>.ts with the app's tsconfig, runs it, returns its stdout; fails on anything else on stderr. */
async function compileAndRun(app: App, file: string, source: string): Promise<string> {
  const src = join(app.dir, "src");
  await mkdir(src, { recursive: true });
  await writeFile(join(src, `${file}.ts`), source);
  await writeFile(join(app.dir, "tsconfig.json"), JSON.stringify({ compilerOptions: app.tsconfig, files: [`src/${file}.ts`] }));
  await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app.dir }).catch((error) => {
    throw new Error(`tsc failed in the ${app.kind} app:\n${error.stdout}${error.stderr}`);
  });
  const { stdout, stderr } = await run(process.execPath, [join("out", `${file}.js`)], { cwd: app.dir, timeout: 120_000 });
  expect(stderr.replace(SDK_NODE_NOTICE, "")).toBe(""); // no error, no warning of ours
  return stdout;
}

describe("the packed tarball in an empty app (ESM with the newest AWS SDK, CommonJS with the SDK floor)", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "dynamite-tarball-"));
    await run("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", root], { cwd: repoRoot });
    const tarball = join(
      root,
      (await readdir(root)).find((file) => file.endsWith(".tgz"))!,
    );
    await Promise.all(
      apps.map(async (app) => {
        app.dir = join(root, app.kind);
        await mkdir(app.dir);
        const type = app.kind === "esm" ? "module" : "commonjs";
        await writeFile(join(app.dir, "package.json"), JSON.stringify({ name: `${app.kind}-app`, private: true, type }));
        const flags = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"];
        await run("npm", ["install", ...flags, tarball, ...app.sdk], { cwd: app.dir, timeout: INSTALL_TIMEOUT });
      }),
    );
  }, INSTALL_TIMEOUT + 60_000);
  afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  const example = async () =>
    (await readFile(join(fixtures, "complete-usage.example"), "utf8")).replace(
      '"http://localhost:8000"', // DynamoDB Local of this run (port 8000 may be taken on the machine)
      JSON.stringify(testEndpoint()),
    );

  it.each(apps.map((app) => [app.kind, app] as const))(
    "%s app: the reference's Complete Usage Example compiles and runs against DynamoDB Local",
    async (_kind, app) => {
      const output = await compileAndRun(app, "main", await example());
      const lines = output.trim().split("\n");
      expect(lines[0]).toBe("Database ready: true");
      expect(lines[1]).toMatch(/^User created: [0-9a-f-]{36}$/);
      expect(lines[2]).toBe("User orders: 2");
      expect(lines).toHaveLength(3);
    },
    120_000,
  );

  it.each(apps.map((app) => [app.kind, app] as const))(
    "%s app: one AWS SDK (the app's), getClient() typed and built with it, one core across entries",
    async (_kind, app) => {
      const output = await compileAndRun(app, "identity", await readFile(join(fixtures, "sdk-identity.example"), "utf8"));
      expect(JSON.parse(output.trim())).toEqual({
        sdkClientIsTheAppsClass: true,
        coreErrorIsRootError: true,
        coreTableIsRootTable: true,
        testingTypes: true,
      });
      expect(await copiesOf(app.dir, "@aws-sdk/client-dynamodb")).toHaveLength(1);
      expect(await copiesOf(app.dir, "@aws-sdk/lib-dynamodb")).toHaveLength(1);
      const sdk = JSON.parse(await readFile(join(app.dir, "node_modules/@aws-sdk/client-dynamodb/package.json"), "utf8"));
      if (app.kind === "cjs") expect(sdk.version).toBe(SDK_FLOOR);
      else expect(sdk.version.split(".").map(Number)[1]).toBeGreaterThan(Number(SDK_FLOOR.split(".")[1]));
    },
    120_000,
  );
});
