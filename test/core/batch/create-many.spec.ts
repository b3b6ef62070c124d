import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteError, NotNull, PrimaryKey, Table, ValidationError, type Dynamite } from "../../../lib/core/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";

class Sku extends Table<Sku> {
  @PrimaryKey() declare code: string;
  @NotNull() declare label: string;
  declare stock?: number;
}

/**
 * Fault-injecting middleware: DynamoDB Local never leaves items unprocessed, so this one removes the
 * requests of the chosen keys from a BatchWriteItem/BatchGetItem before it is sent and hands them
 * back as UnprocessedItems/UnprocessedKeys, as a throttled DynamoDB would.
 */
function injectUnprocessed(client: DynamoDBClient, decide: (code: string, attempt: number) => boolean) {
  const attempts = new Map<string, number>();
  const name = `unprocessed${Math.random()}`;
  client.middlewareStack.add(
    (next, context) => async (args: any) => {
      const write = context.commandName === "BatchWriteItemCommand";
      if (!write && context.commandName !== "BatchGetItemCommand") return next(args);
      const [table, requests] = Object.entries(args.input.RequestItems as Record<string, any>)[0];
      // the engine sends low-level commands: keys and items are AttributeValues here ({ S: "k0001" })
      const codeOf = (r: any) => (write ? r.PutRequest.Item.code.S : r.code.S) as string;
      const list: any[] = write ? requests : requests.Keys;
      const held = list.filter((r) => {
        const attempt = attempts.get(codeOf(r)) ?? 0;
        attempts.set(codeOf(r), attempt + 1);
        return decide(codeOf(r), attempt);
      });
      const sent = list.filter((r) => !held.includes(r));
      const input = write ? { [table]: sent } : { [table]: { ...requests, Keys: sent } };
      const result: any = sent.length
        ? await next({ ...args, input: { ...args.input, RequestItems: input } })
        : { output: write ? {} : { Responses: { [table]: [] } }, response: {} };
      if (held.length) {
        if (write) result.output.UnprocessedItems = { [table]: held };
        else result.output.UnprocessedKeys = { [table]: { ...requests, Keys: held } };
      }
      return result;
    },
    { step: "initialize", name },
  );
  return () => client.middlewareStack.remove(name);
}

const rows = (n: number, prefix = "k") =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}${String(i).padStart(4, "0")}`, label: `label ${i}` }));

describe("createMany and findMany", () => {
  let dynamite: Dynamite;
  let recorder: RequestRecorder;

  beforeAll(async () => {
    dynamite = await createTestDynamite([Sku]);
    recorder = recordRequests(dynamite.getClient());
  });
  beforeEach(() => recorder.reset());
  afterAll(() => {
    recorder.stop();
    dynamite.disconnect();
  });

  it("writes 2,000 rows with 80 BatchWriteItems of at most 25", async () => {
    const created = await Sku.createMany(rows(2_000));
    expect(created).toHaveLength(2_000);
    expect(recorder.count("BatchWriteItemCommand")).toBe(80);
    expect(recorder.requests.every((r) => r.input.RequestItems.skus.length <= 25)).toBe(true);
    expect(await Sku.count()).toBe(2_000);
  });

  it("findMany returns rows in the order of the keys, missing keys left out, 100 keys a request", async () => {
    recorder.reset();
    const keys = [
      ...rows(250)
        .reverse()
        .map(({ code }) => ({ code })),
      { code: "absent" },
    ];
    const found = await Sku.findMany(keys);
    expect(found.map((s) => s.code)).toEqual(keys.slice(0, 250).map((k) => k.code));
    expect(recorder.count("BatchGetItemCommand")).toBe(3);
  });

  it("invalid rows and duplicate keys are one ValidationError before any request", async () => {
    recorder.reset();
    const bad = [...rows(3, "v"), { code: "v0001", label: "again" }, { code: "v0009", label: "" }];
    const error = (await Sku.createMany(bad).catch((e) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.attribute).sort()).toEqual(["rows[3]", "rows[4].label"]);
    expect(recorder.requests).toHaveLength(0);
  });

  it("UnprocessedItems are retried with backoff until written (fault-injecting middleware)", async () => {
    const stop = injectUnprocessed(dynamite.getClient(), (code, attempt) => code.endsWith("7") && attempt < 2);
    try {
      await Sku.createMany(rows(100, "t"), { retry: { baseDelayMs: 1 } });
    } finally {
      stop();
    }
    expect(await Sku.findMany(rows(100, "t").map(({ code }) => ({ code })))).toHaveLength(100);
    expect(recorder.count("BatchWriteItemCommand")).toBeGreaterThan(4);
  });

  it("rows still unprocessed after the retry limit are listed exactly by a BatchWriteError (fault-injecting middleware)", async () => {
    const stuck = new Set(["u0003", "u0030", "u0049"]);
    const stop = injectUnprocessed(dynamite.getClient(), (code) => stuck.has(code));
    let error: BatchWriteError | undefined;
    try {
      await Sku.createMany(rows(50, "u"), { retry: { baseDelayMs: 1, maxAttempts: 3 } }).catch((e) => (error = e));
    } finally {
      stop();
    }
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error!.rows.map((r) => r.code)).toEqual(["u0003", "u0030", "u0049"]);
    expect(error!.keys).toEqual([{ code: "u0003" }, { code: "u0030" }, { code: "u0049" }]);
    const written = await Sku.findMany(rows(50, "u").map(({ code }) => ({ code })));
    expect(written).toHaveLength(47);
  });

  it("BatchGetItem retries UnprocessedKeys (fault-injecting middleware)", async () => {
    const stop = injectUnprocessed(dynamite.getClient(), (code, attempt) => code.endsWith("1") && attempt === 0);
    try {
      const found = await Sku.findMany(rows(40).map(({ code }) => ({ code })));
      expect(found).toHaveLength(40);
    } finally {
      stop();
    }
  });

  it("ifNotExists inserts with conditional puts and reports the rows whose key already existed", async () => {
    const error = (await Sku.createMany(
      [
        { code: "k0001", label: "overwrite?" },
        { code: "new1", label: "new" },
      ],
      { ifNotExists: true },
    ).catch((e) => e)) as BatchWriteError;
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error.rows.map((r) => r.code)).toEqual(["k0001"]);
    expect((await Sku.first({ code: "k0001" }))?.label).toBe("label 1");
    expect((await Sku.first({ code: "new1" }))?.label).toBe("new");
  });

  it("inside a transaction the rows join its TransactWriteItems instead of BatchWriteItem", async () => {
    recorder.reset();
    await dynamite.tx(async () => {
      await Sku.createMany(rows(5, "x"));
    });
    expect(recorder.count("BatchWriteItemCommand")).toBe(0);
    expect(recorder.count("TransactWriteItemsCommand")).toBe(1);
    expect(await Sku.findMany(rows(5, "x").map(({ code }) => ({ code })))).toHaveLength(5);
  });
});
