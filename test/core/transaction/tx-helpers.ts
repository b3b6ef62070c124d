import { GetItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import type { Dynamite } from "../../../lib/core/index.js";
import { nativeRequestInput } from "../../../lib/core/engine/send-request.js";
import type { RequestRecorder } from "../../helpers/request-recorder.js";
import { useTestDatabase, type TestDatabase } from "../../helpers/use-test-database.js";
import { TABLES } from "./fixtures.js";

/** Every stored item of a table, read with the raw SDK (not through the ORM under test). */
export async function storedItems(dynamite: Dynamite, table: string): Promise<Record<string, any>[]> {
  const { Items } = await dynamite.getClient().send(new ScanCommand({ TableName: table, ConsistentRead: true }));
  return (Items ?? []).map((item) => unmarshall(item));
}

/** One stored item by key, read with the raw SDK. */
export async function storedItem(dynamite: Dynamite, table: string, key: Record<string, string | number>) {
  const marshalled = Object.fromEntries(
    Object.entries(key).map(([k, v]) => [k, typeof v === "number" ? { N: String(v) } : { S: v }]),
  );
  const { Item } = await dynamite
    .getClient()
    .send(new GetItemCommand({ TableName: table, Key: marshalled, ConsistentRead: true }));
  return Item ? unmarshall(Item) : undefined;
}

/** The TransactItems of the last TransactWriteItems the recorder saw. */
export function lastTransactItems(recorder: RequestRecorder): Record<string, any>[] {
  const sent = recorder.requests.filter((r) => r.command === "TransactWriteItemsCommand");
  return sent[sent.length - 1]?.input.TransactItems ?? [];
}

/** Input of every TransactWriteItems attempt, recorded BEFORE sending (so cancelled ones count too). */
export class AttemptRecorder {
  readonly attempts: Record<string, any>[] = [];
  private readonly name = `txAttempts${Math.random().toString(36).slice(2)}`;

  constructor(private readonly dynamite: Dynamite) {
    dynamite.getClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "TransactWriteItemsCommand") {
          this.attempts.push(nativeRequestInput(context.commandName, args.input as Record<string, any>));
        }
        return next(args);
      },
      { step: "initialize", name: this.name },
    );
  }

  /** TransactItems of the last attempt. */
  lastItems(): Record<string, any>[] {
    return this.attempts[this.attempts.length - 1]?.TransactItems ?? [];
  }

  reset(): void {
    this.attempts.length = 0;
  }

  stop(): void {
    this.dynamite.getClient().middlewareStack.remove(this.name);
  }
}

/** The suite's isolated database with a request recorder and an attempt recorder, reset before each test. */
export interface TxDatabase extends TestDatabase {
  attempts: AttemptRecorder;
}

/** Registers the hooks that give a suite its own database of the transaction fixtures. */
export function useTxDatabase(): TxDatabase {
  const db = useTestDatabase(TABLES) as TxDatabase;
  beforeAll(() => {
    db.attempts = new AttemptRecorder(db.dynamite);
  });
  beforeEach(() => db.attempts.reset());
  afterAll(() => db.attempts.stop());
  return db;
}
