import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { expect } from "@jest/globals";
import { DeleteAt, IndexSort, PrimaryKey, Table, type Dynamite } from "../../../lib/core/index.js";

/** The table under test: one partition per command sequence (`run`), rows keyed by `id`. */
export class Ledger extends Table<Ledger> {
  @PrimaryKey() declare run: string;
  @IndexSort() declare id: string;
  declare balance: number;
  declare note?: string | null;
  @DeleteAt() declare deletedAt?: string;
}

/** What the table must hold for one row (the deletedAt timestamp only as "soft-deleted or not"). */
export interface RowState {
  balance: number;
  note?: string;
  deleted: boolean;
}

/** What an instance believes is stored (its snapshot), per id. */
export type InstanceView = RowState;

/** The model: the expected rows of this sequence's partition, and the instances the test holds. */
export interface LedgerModel {
  rows: Map<string, RowState>;
  instances: Map<string, InstanceView>;
}

/** The system: the run's partition, the client, and the live instances by id. */
export interface LedgerReal {
  run: string;
  dynamite: Dynamite;
  client: DynamoDBClient;
  instances: Map<string, Ledger>;
}

/** Reads the partition with the raw SDK and checks it equals the model, row by row. */
export async function expectTableMatches(model: LedgerModel, real: LedgerReal): Promise<void> {
  const { Items = [] } = await real.client.send(
    new QueryCommand({
      TableName: "ledgers",
      KeyConditionExpression: "#run = :run",
      ExpressionAttributeNames: { "#run": "run" },
      ExpressionAttributeValues: { ":run": real.run },
    }),
  );
  const actual = Object.fromEntries(
    Items.map((item) => {
      const { run, id, deletedAt, ...rest } = item;
      expect(run).toBe(real.run);
      return [id as string, { ...rest, deleted: deletedAt !== undefined }];
    }),
  );
  const expected = Object.fromEntries(
    [...model.rows].map(([id, row]) => [
      id,
      { balance: row.balance, ...(row.note !== undefined && { note: row.note }), deleted: row.deleted },
    ]),
  );
  expect(actual).toEqual(expected);
}

/** Outcome of a call: its value, or the error it threw. */
export async function outcome<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Stored form of a note: null means absent. */
export const storedNote = (note: string | null) => (note === null ? undefined : note);
