import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "../../lib/testing/free-port.js";
import { testEndpoint } from "../helpers/test-dynamite.js";
import { typeScriptBlocks } from "./code-blocks.js";

// Runs the README's `main.ts` block (with its `models.ts`) as a user would: compiled with tsc into a
// folder inside this package (so `nestjs-dynamite` resolves to the built dist/, as in an app).
const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, "..", "..");
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

interface Started {
  child: ChildProcess;
  endpoint: string;
  output: () => string;
}

const children = new Set<ChildProcess>();

/** Starts main.js and resolves once it printed its "http://localhost:PORT on DynamoDB <endpoint>" line. */
function startMain(dir: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ["main.js"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main.js did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/^http:\/\/localhost:\d+ on DynamoDB (\S+)$/m);
      if (match) {
        clearTimeout(timer);
        resolve({ child, endpoint: match[1], output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`main.js exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Sends SIGTERM and resolves with the exit code. */
function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function tables(endpoint: string, accessKeyId: string): Promise<string[]> {
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId, secretAccessKey: "local" } });
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
}

function environment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_ENV; // Jest sets "test"; the block only skips the database for "production"
  for (const key of Object.keys(extra)) if (extra[key] === undefined) delete env[key];
  return env;
}

describe("README: main.ts runs the app on the embedded DynamoDB Local in development", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(repoRoot, "dist", "readme-main-"));
    const blocks = typeScriptBlocks(await readFile(join(repoRoot, "README.md"), "utf8"));
    for (const name of ["main.ts", "models.ts"]) {
      const block = blocks.find((b) => b.file === name);
      if (!block) throw new Error(`README has no \`\`\`ts file=${name} block`);
      await writeFile(join(dir, name), block.code);
    }
    const compilerOptions = {
      target: "ES2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      strict: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules", "@types")],
    };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["main.ts", "models.ts"] }));
    await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir }).catch((error) => {
      throw new Error(`the README's main.ts does not compile:\n${error.stdout}${error.stderr}`);
    });
  }, 120_000);
  afterEach(async () => {
    // a failed test must not leave its app running (a passing one stopped it with SIGTERM)
    await Promise.all([...children].map((child) => stop(child)));
  });
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it("without DYNAMODB_ENDPOINT: starts DynamoDB Local, creates the tables there, stops it on SIGTERM", async () => {
    const port = await findFreePort();
    const app = await startMain(dir, environment({ PORT: String(port), DYNAMODB_ENDPOINT: undefined }));
    expect(app.endpoint).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    expect(app.endpoint).not.toBe(testEndpoint());
    expect(await tables(app.endpoint, "local")).toEqual(expect.arrayContaining(["users", "orders"]));
    expect((await fetch(`http://localhost:${port}/nothing-here`)).status).toBe(404); // the app serves HTTP
    expect(await stop(app.child)).toBe(0);
    expect(app.output()).not.toMatch(/DeprecationWarning/); // none from our code on this Node
    await expect(tables(app.endpoint, "local")).rejects.toThrow(); // nothing listens any more
  }, 240_000);

  it("with DYNAMODB_ENDPOINT: uses it and starts no database", async () => {
    const port = await findFreePort();
    const accessKeyId = `readme${randomUUID().replaceAll("-", "")}`;
    const app = await startMain(
      dir,
      environment({
        PORT: String(port),
        DYNAMODB_ENDPOINT: testEndpoint(),
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: "local",
      }),
    );
    expect(app.endpoint).toBe(testEndpoint());
    expect(await tables(testEndpoint(), accessKeyId)).toEqual(expect.arrayContaining(["users", "orders"]));
    expect(app.output()).not.toMatch(/DynamoDB Local|\bjava\b/i); // not "JavaScript" in an SDK warning
    expect(await stop(app.child)).toBe(0);
  }, 240_000);
});
