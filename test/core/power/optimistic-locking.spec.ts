import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  ConflictError,
  DeleteAt,
  PrimaryKey,
  Table,
  TransactionError,
  Version,
  type CreationOptional,
  type Dynamite,
} from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";
import { recordRequests } from "../../helpers/request-recorder.js";

class Counter extends Table<Counter> {
  @PrimaryKey() declare id: string;
  @Version() declare version: CreationOptional<number>;
  declare hits: number;
}

class Note extends Table<Note> {
  @PrimaryKey() declare id: string;
  @Version() declare version: CreationOptional<number>;
  declare text: string;
  @DeleteAt() declare deletedAt?: string;
}

describe("@Version() optimistic locking", () => {
  let dynamite: Dynamite;
  let doc: DynamoDBDocumentClient;
  const stored = async (table: string, id: string) => (await doc.send(new GetCommand({ TableName: table, Key: { id } }))).Item;

  beforeAll(async () => {
    dynamite = await createTestDynamite([Counter, Note]);
    doc = DynamoDBDocumentClient.from(dynamite.getClient());
  });
  afterAll(() => dynamite.disconnect());

  it("create sets version 1 and every save sends version = :expected and increments it", async () => {
    const counter = await Counter.create({ id: "c1", hits: 0 });
    expect(counter.version).toBe(1);
    const recorder = recordRequests(dynamite.getClient());
    counter.hits = 1;
    await counter.save();
    recorder.stop();
    const update = recorder.requests.find((r) => r.command === "UpdateItemCommand")!;
    expect(update.input.ConditionExpression).toContain("=");
    expect(Object.values(update.input.ExpressionAttributeNames)).toContain("version");
    expect(counter.version).toBe(2);
    expect(await stored("counters", "c1")).toMatchObject({ hits: 1, version: 2 });
  });

  it("a stale instance gets a ConflictError with model, key, expected and actual version; the row is unchanged", async () => {
    await Counter.create({ id: "c2", hits: 0 });
    const first = (await Counter.first({ id: "c2" }))!;
    const stale = (await Counter.first({ id: "c2" }))!;
    await first.update({ hits: 10 });
    const error = await stale.update({ hits: 99 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ model: "Counter", key: { id: "c2" }, expected: 1, actual: 2 });
    expect((error as Error).message).toMatch(/Counter with key id="c2".*expected version 1, found 2/);
    expect(await stored("counters", "c2")).toEqual({ id: "c2", hits: 10, version: 2 });
  });

  it("increment, soft destroy, restore and hard destroy are version-checked too", async () => {
    const note = await Note.create({ id: "n1", text: "a" });
    const stale = (await Note.first({ id: "n1" }))!;
    await note.destroy();
    expect(note.version).toBe(2);
    await expect(stale.destroy()).rejects.toBeInstanceOf(ConflictError);
    await note.restore();
    await expect(stale.forceDestroy()).rejects.toBeInstanceOf(ConflictError);
    expect(note.version).toBe(3);
    expect(await stored("notes", "n1")).toEqual({ id: "n1", text: "a", version: 3 });
    await note.forceDestroy();
    expect(await stored("notes", "n1")).toBeUndefined();
  });

  it("increment() sends the version condition and bumps the version", async () => {
    const counter = await Counter.create({ id: "c3", hits: 0 });
    const stale = (await Counter.first({ id: "c3" }))!;
    await counter.increment("hits", 5);
    expect(counter).toMatchObject({ hits: 5, version: 2 });
    await expect(stale.increment("hits", 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await stored("counters", "c3")).toEqual({ id: "c3", hits: 5, version: 2 });
  });

  it("inside a transaction the version condition is part of the action; a stale one cancels it", async () => {
    await Counter.create({ id: "c4", hits: 0 });
    const fresh = (await Counter.first({ id: "c4" }))!;
    const stale = (await Counter.first({ id: "c4" }))!;
    await dynamite.tx(async () => {
      fresh.hits = 1;
      await fresh.save();
    });
    expect(fresh.version).toBe(2);
    const error = await dynamite
      .tx(async () => {
        await Counter.create({ id: "c5", hits: 0 });
        stale.hits = 2;
        await stale.save();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect((error as TransactionError).reasons.find((r) => r.code !== "None")).toMatchObject({
      model: "Counter",
      key: { id: "c4" },
      code: "ConditionalCheckFailed",
    });
    expect(await stored("counters", "c4")).toEqual({ id: "c4", hits: 1, version: 2 });
    expect(await stored("counters", "c5")).toBeUndefined();
  });

  it("two saves of one instance in a transaction are one Update (+1); a second copy read at that version conflicts before sending", async () => {
    await Counter.create({ id: "c6", hits: 0 });
    const row = (await Counter.first({ id: "c6" }))!;
    const recorder = recordRequests(dynamite.getClient());
    await dynamite.tx(async () => {
      row.hits = 1;
      await row.save();
      row.hits = 2;
      await row.save();
    });
    expect(recorder.commands()).toEqual(["TransactWriteItemsCommand"]);
    expect(recorder.requests[0].input.TransactItems).toHaveLength(1);
    expect(row.version).toBe(2);
    expect(await stored("counters", "c6")).toEqual({ id: "c6", hits: 2, version: 2 });
    const fresh = (await Counter.first({ id: "c6" }))!;
    const twin = (await Counter.first({ id: "c6" }))!;
    const error = await dynamite
      .tx(async () => {
        fresh.hits = 3;
        await fresh.save();
        twin.hits = 4;
        await twin.save(); // sent one by one, this save would find version 3, not 2
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(recorder.count("TransactWriteItemsCommand")).toBe(1); // the refused transaction sent nothing
    expect(await stored("counters", "c6")).toEqual({ id: "c6", hits: 2, version: 2 });
    recorder.stop();
  });

  it("20 concurrent read-modify-save loops that retry on ConflictError produce exactly 20 increments", async () => {
    await Counter.create({ id: "hot", hits: 0 });
    let conflicts = 0;
    const worker = async () => {
      for (;;) {
        const row = (await Counter.first({ id: "hot" }, { consistentRead: true }))!;
        row.hits += 1;
        try {
          await row.save();
          return;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(await stored("counters", "hot")).toEqual({ id: "hot", hits: 20, version: 21 });
    expect(conflicts).toBeGreaterThan(0);
  });
});
