import { describe, expect, it } from "@jest/globals";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { ConfigError } from "../../lib/core/errors/core-errors.js";
import { startDynamoLocal } from "../../lib/testing/index.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startDynamoLocal()", () => {
  it("starts an in-memory DynamoDB Local on a free loopback port that answers ListTables, and stop() leaves no process", async () => {
    const local = await startDynamoLocal();
    expect(local.endpoint).toBe(`http://127.0.0.1:${local.port}`);
    expect(local.port).not.toBe(8000);
    const client = new DynamoDBClient({
      endpoint: local.endpoint,
      region: "local",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual([]);
    client.destroy();
    expect(isAlive(local.pid)).toBe(true);
    await local.stop();
    expect(isAlive(local.pid)).toBe(false);
    await local.stop(); // safe twice
  });

  it("fails with a clear ConfigError when Java is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const error = await startDynamoLocal().catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/needs a Java 17\+ runtime.*apt-get install default-jre-headless/);
    } finally {
      process.env.PATH = path;
    }
  });
});
