import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, connect, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import ts from "typescript";
import { testEndpoint } from "../helpers/test-dynamite.js";

/**
 * The client reference's own examples ("Complete Usage Example", "Multiple Client Instances",
 * "Error Handling Best Practices"), run as separate Node programs against the built package with
 * only their import specifiers changed: "@arcaelas/dynamite" → PACKAGE, "./x" → "./x.js".
 */
const PACKAGE = "nestjs-dynamite/core"; // the root import still loads lib/nest (issue 15)
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const examples = join(root, "test/compat/reference-examples");
const run = promisify(execFile);
const runId = `ref${Date.now().toString(36)}`;

function changeImports(source: string, models = "./models"): string {
  return source
    .replaceAll('"@arcaelas/dynamite"', JSON.stringify(PACKAGE))
    .replaceAll('from "./models"', `from "${models}.js"`)
    .replaceAll('from "./monitoring"', 'from "./monitoring.js"');
}

/** Writes the example with its imports changed, as TypeScript next to the others. */
async function prepare(dir: string, name: string, models?: string): Promise<string> {
  const source = changeImports(await readFile(join(examples, `${name}.ts.txt`), "utf8"), models);
  const file = join(dir, `${name}.ts`);
  await writeFile(file, source);
  return file;
}

/**
 * Compiles like a user's build would (a whole program, so type-only imports are dropped and
 * decorator metadata names real types); the examples' own type errors do not stop the emit.
 */
function compile(files: string[]): void {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
    types: [],
  });
  const { emitSkipped } = program.emit();
  if (emitSkipped) throw new Error("the reference examples did not compile");
}

/** Runs a compiled example; resolves with its output whatever its exit code. */
async function runExample(dir: string, name: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, `${name}.js`)], {
      env: { ...clean, NODE_NO_WARNINGS: "1", ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

async function scanCount(table: string, region: string, accessKeyId: string): Promise<Array<Record<string, any>>> {
  const client = new DynamoDBClient({ endpoint: testEndpoint(), region, credentials: { accessKeyId, secretAccessKey: "x" } });
  try {
    return (await client.send(new ScanCommand({ TableName: table }))).Items ?? [];
  } finally {
    client.destroy();
  }
}

/**
 * "Complete Usage Example" connects to http://localhost:8000 as written: a loopback forwarder on
 * port 8000 passes its connections to this run's DynamoDB Local.
 */
async function forwardPort8000(): Promise<Server[]> {
  const target = new URL(testEndpoint());
  const servers: Server[] = [];
  for (const host of ["127.0.0.1", "::1"]) {
    const server = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    const listening = await new Promise<boolean>((done) => {
      server.once("error", (error: NodeJS.ErrnoException) => {
        if (host === "::1") return done(false); // no IPv6 loopback here: 127.0.0.1 is enough
        throw new Error(`port 8000 is taken (${error.code}); the Complete Usage Example needs it as written`);
      });
      server.listen(8000, host, () => done(true));
    });
    if (listening) servers.push(server);
  }
  return servers;
}

describe("client reference examples run unmodified but for the import", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dynamite-examples-"));
    // `nestjs-dynamite/...` resolves to this checkout's built package, as an installed dependency would
    await mkdir(join(dir, "node_modules"));
    await symlink(root, join(dir, "node_modules/nestjs-dynamite"), "dir");
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const files: string[] = [];
    for (const file of await readdir(examples)) files.push(await prepare(dir, file.replace(/\.ts\.txt$/, "")));
    compile(files);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("Complete Usage Example: a user with two pending orders, found through include", async () => {
    const servers = await forwardPort8000();
    try {
      const result = await runExample(dir, "complete-usage", {});
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Database ready: true\nUser created: [0-9a-f-]{36}\nUser orders: 2\n$/);
    } finally {
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    }
  });

  it("Multiple Client Instances: users go to the production client, logs to the analytics one", async () => {
    const keys = { PROD_AWS_KEY: `${runId}prod`, ANALYTICS_AWS_KEY: `${runId}analytics` };
    const result = await runExample(dir, "multiple-clients", {
      ...keys,
      PROD_AWS_SECRET: "x",
      ANALYTICS_AWS_SECRET: "x",
      AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(),
    });
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await scanCount("users", "us-east-1", keys.PROD_AWS_KEY)).map((u) => u.name)).toEqual([{ S: "John" }]);
    expect((await scanCount("logs", "us-west-2", keys.ANALYTICS_AWS_KEY)).map((l) => l.message)).toEqual([{ S: "User created" }]);
    // each table lives only on its own client's database
    await expect(scanCount("logs", "us-east-1", keys.PROD_AWS_KEY)).rejects.toThrow(/non-existent table/);
  });

  it("Error Handling Best Practices: connects, syncs, reports ready and creates the user", async () => {
    const key = `${runId}errors`;
    const result = await runExample(dir, "error-handling", {
      DYNAMODB_ENDPOINT: testEndpoint(),
      AWS_ACCESS_KEY_ID: key,
      AWS_SECRET_ACCESS_KEY: "x",
    });
    expect(result).toEqual({
      code: 0,
      stdout: "Client connected\nTables synchronized\nDatabase ready for operations\n",
      stderr: "",
    });
    expect((await scanCount("users", "us-east-1", key)).map((u) => u.name)).toEqual([{ S: "John" }]);
  });

  it("Error Handling Best Practices: a model without key decorators takes the 'not registered in wrapper' branch", async () => {
    compile([await prepare(dir, "error-handling", "./models-undecorated")]);
    const result = await runExample(dir, "error-handling", {
      DYNAMODB_ENDPOINT: testEndpoint(),
      AWS_ACCESS_KEY_ID: `${runId}undecorated`,
      AWS_SECRET_ACCESS_KEY: "x",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("Client connected\n");
    expect(result.stderr).toBe("Table class missing decorators\nApplication failed to start\n");
  });
});
