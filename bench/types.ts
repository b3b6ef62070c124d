import type { DynamoDBClient, DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import type { Dataset } from "./data.js";

/** The bench scenarios, in run order (reads first, so writes don't change what reads see). */
export const SCENARIOS = [
  { id: "get", title: "get by key" },
  { id: "query-gsi", title: "Query 50 items by GSI" },
  { id: "scan-filter", title: "Scan page with a filter (first 25 of tier=gold)" },
  { id: "paginate", title: "page 3 of 20 on 10,000 items" },
  { id: "include", title: "include the orders of 100 users" },
  { id: "update", title: "update two attributes of one item" },
  { id: "create", title: "create one" },
  { id: "create-many", title: "createMany 1,000" },
  { id: "transaction", title: "transaction of 25 writes" },
] as const;

export type ScenarioId = (typeof SCENARIOS)[number]["id"];
export type ContenderName = "raw" | "nestjs-dynamite" | "dynamoose" | "electrodb";

/** One operation of a scenario; resolves to the number of items it returned (0 for writes). */
export type Operation = (iteration: number) => Promise<number>;

/** A library under test: its own SDK client (metered) and its code for each scenario it supports. */
export interface Contender {
  name: ContenderName;
  client: DynamoDBClient;
  ops: Partial<Record<ScenarioId, Operation>>;
  /** Per-contender setup a scenario needs outside the measurement (e.g. the page-2 cursor). */
  prepare?: Partial<Record<ScenarioId, () => Promise<void>>>;
  close(): Promise<void>;
}

/** What every contender is built from. */
export interface BenchEnv {
  clientConfig: DynamoDBClientConfig;
  data: Dataset;
  /** Unique per run: prefixes the ids of rows the write scenarios create. */
  runTag: string;
}

export type ContenderFactory = (env: BenchEnv) => Promise<Contender>;
