import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { _Record } from "@aws-sdk/client-dynamodb-streams";
import { ConfigError } from "../errors/index.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { requireModelMetadata } from "../metadata/registry.js";
import type { ModelClass } from "../metadata/model-types.js";
import type { ChangeRecord } from "./change-record.js";
import { CheckpointStore, DEFAULT_CHECKPOINT_TABLE } from "./checkpoint-store.js";
import { parseRecordOf } from "./parse-stream-record.js";
import { StreamPoller } from "./stream-poller.js";
import type { StreamRecordInput } from "./stream-record-input.js";
import { streamsClientFor } from "./streams-client.js";

/** Options shared by every stream reader: where checkpoints go and how often to look. */
export interface StreamPollingOptions {
  /** The consumer group: its checkpoints are its own (default "default"). */
  consumer?: string;
  /** Table of the checkpoints, created when missing (default "dynamite_stream_checkpoints"). */
  checkpointTable?: string;
  /** Wait in ms between rounds that found no new record (default 1,000). */
  pollInterval?: number;
  /** Records per GetRecords (1 to 1,000, default 1,000). */
  batchSize?: number;
  /** Told about failed rounds and handlers; the failed record is retried (default: the connection's `warn`). */
  onError?: (error: unknown, table: string) => void;
}

/** Options of a `StreamConsumer`. */
export interface StreamConsumerOptions extends StreamPollingOptions {
  /** Models whose tables' streams are read (each needs `@Model({ stream })`). */
  models: ModelClass[];
  /** Runs for each change, in stream order per shard; a throw retries the record (the shard waits). */
  onChange: (change: ChangeRecord) => unknown;
}

/** What a consumer needs from the connection (a `Dynamite`). */
export interface StreamSource {
  getClient(): DynamoDBClient;
}

/** Checks the polling options and fills in the defaults. */
export function pollingSettings(options: StreamPollingOptions) {
  const { consumer = "default", checkpointTable = DEFAULT_CHECKPOINT_TABLE, pollInterval = 1_000, batchSize = 1_000 } = options;
  if (typeof consumer !== "string" || !consumer.trim())
    throw new ConfigError("Stream consumer: `consumer` must be a non-empty string");
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000) {
    throw new ConfigError(`Stream consumer: batchSize must be an integer from 1 to 1000, not ${batchSize}`);
  }
  if (!Number.isFinite(pollInterval) || pollInterval < 1) {
    throw new ConfigError(`Stream consumer: pollInterval must be a positive number of ms, not ${pollInterval}`);
  }
  return { consumer, checkpointTable, pollInterval, batchSize };
}

/**
 * Polls the streams of models' tables (for development and self-hosted apps; on AWS prefer Lambda with
 * `createStreamHandler`) and hands each typed change to `onChange`. At-least-once, in order per key;
 * checkpoints in a table make a restart resume where it stopped.
 * @example const consumer = new StreamConsumer(dynamite, { models: [Product], onChange }); await consumer.start();
 */
export class StreamConsumer {
  private readonly pollers: StreamPoller[] = [];
  private readonly models: ModelMetadata[];
  private stopRequested?: () => void;

  constructor(
    private readonly source: StreamSource,
    private readonly options: StreamConsumerOptions,
  ) {
    if (!Array.isArray(options?.models) || options.models.length === 0) {
      throw new ConfigError("StreamConsumer needs `models`: at least one model class with @Model({ stream })");
    }
    if (typeof options.onChange !== "function") throw new ConfigError("StreamConsumer needs an `onChange` function");
    pollingSettings(options);
    this.models = [...new Set(options.models.map((model) => requireModelMetadata(model)))];
  }

  /** Starts one poller per table; rejects (and starts nothing) when a table has no stream. */
  async start(): Promise<void> {
    if (this.pollers.length) return;
    const { pollers, stop } = await startPollers(
      this.source.getClient(),
      this.options,
      this.models.map((model) => ({
        tableName: model.tableName,
        onRecord: (record: _Record) => this.options.onChange(parseRecordOf(model, record as StreamRecordInput)),
      })),
    );
    this.pollers.push(...pollers);
    this.stopRequested = stop;
  }

  /** Stops every poller after its current record and closes the Streams client. */
  async stop(): Promise<void> {
    await Promise.all(this.pollers.map((poller) => poller.stop()));
    this.pollers.length = 0;
    this.stopRequested?.();
    this.stopRequested = undefined;
  }
}

/** One poller per source table over a shared Streams client and checkpoint store; all or none start. */
export async function startPollers(
  client: DynamoDBClient,
  options: StreamPollingOptions,
  sources: Array<{ tableName: string; onRecord: (record: _Record) => unknown }>,
): Promise<{ pollers: StreamPoller[]; stop: () => void }> {
  const settings = pollingSettings(options);
  const streams = streamsClientFor(client);
  const checkpoints = new CheckpointStore(client, settings.checkpointTable);
  const onError =
    options.onError ??
    ((error: unknown, table: string) =>
      process.emitWarning(`Dynamite stream of ${table}: ${(error as Error)?.message ?? String(error)}`, "DynamiteWarning"));
  const pollers = sources.map(
    ({ tableName, onRecord }) =>
      new StreamPoller({
        ...settings,
        client,
        streams,
        checkpoints,
        tableName,
        onRecord,
        onError: (error) => onError(error, tableName),
      }),
  );
  try {
    await checkpoints.ensureTable();
    for (const poller of pollers) await poller.start();
  } catch (error) {
    await Promise.all(pollers.map((poller) => poller.stop()));
    streams.destroy();
    throw error;
  }
  return { pollers, stop: () => streams.destroy() };
}
