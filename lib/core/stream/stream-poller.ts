import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type DynamoDBStreamsClient,
  type Shard,
} from "@aws-sdk/client-dynamodb-streams";
import { ConfigError } from "../errors/index.js";
import { describeTable } from "../schema/describe-schema.js";
import type { CheckpointStore, ShardCheckpoint } from "./checkpoint-store.js";
import { readyShards } from "./shard-lineage.js";

/** What one poller reads and where it reports. */
export interface StreamPollerOptions {
  client: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  checkpoints: CheckpointStore;
  tableName: string;
  /** The consumer group whose checkpoints it keeps. */
  consumer: string;
  /** Handles one record; a throw stops the shard at that record, which is retried after a backoff. */
  onRecord: (record: _Record) => unknown;
  onError: (error: unknown) => void;
  /** Idle wait between rounds that found nothing, in ms. */
  pollInterval: number;
  /** GetRecords `Limit` (1 to 1,000). */
  batchSize: number;
}

const MAX_BACKOFF_MS = 30_000;
const nameOf = (error: unknown) => (error as Error)?.name;

/**
 * Reads one table's stream with DescribeStream, GetShardIterator and GetRecords: parents before children,
 * shards concurrently, records of a shard one at a time in order; saves a checkpoint after each batch,
 * so a restart resumes there (at-least-once: records handled after the last checkpoint come again).
 */
export class StreamPoller {
  private running = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private readonly iterators = new Map<string, string>();

  constructor(private readonly options: StreamPollerOptions) {}

  /** Finds the stream and loads the checkpoints (a table without a stream throws here), then polls in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    const streamArn = await this.streamArn();
    const checkpoints = await this.options.checkpoints.load(this.options.consumer, streamArn);
    this.running = true;
    this.loop = this.run(streamArn, checkpoints);
  }

  /** Stops after the record being handled (its checkpoint saved); no timer or request is left behind. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async streamArn(): Promise<string> {
    const table = await describeTable(this.options.client, this.options.tableName);
    const arn = table?.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined;
    if (!arn) {
      throw new ConfigError(
        `Table ${this.options.tableName} has no enabled stream: add @Model({ stream: "NEW_AND_OLD_IMAGES" }) to its model and run sync()`,
      );
    }
    return arn;
  }

  private async run(streamArn: string, checkpoints: Map<string, ShardCheckpoint>): Promise<void> {
    for (let failures = 0; this.running;) {
      try {
        const read = await this.round(streamArn, checkpoints);
        failures = 0;
        if (!read) await this.pause(this.options.pollInterval);
      } catch (error) {
        if (!this.running) break;
        this.options.onError(error);
        failures += 1;
        await this.pause(Math.min(MAX_BACKOFF_MS, this.options.pollInterval * 2 ** failures));
      }
    }
  }

  /** One pass over the shards that are ready; resolves to the number of records handled. */
  private async round(streamArn: string, checkpoints: Map<string, ShardCheckpoint>): Promise<number> {
    const shards = await this.describeShards(streamArn);
    const finished = new Set([...checkpoints].filter(([, checkpoint]) => checkpoint.finished).map(([id]) => id));
    const counts = await Promise.all(readyShards(shards, finished).map((shard) => this.readShard(streamArn, shard, checkpoints)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  private async describeShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.options.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return shards;
  }

  /** Reads a shard until it is caught up, closed, or the poller stops; checkpoints after each batch. */
  private async readShard(streamArn: string, shard: Shard, checkpoints: Map<string, ShardCheckpoint>): Promise<number> {
    const shardId = shard.ShardId!;
    const checkpoint = checkpoints.get(shardId) ?? { finished: false };
    const save = async () => {
      checkpoints.set(shardId, checkpoint);
      await this.options.checkpoints.save(this.options.consumer, streamArn, shardId, checkpoint);
    };
    let handled = 0;
    while (this.running) {
      const batch = await this.getRecords(streamArn, shardId, checkpoint);
      const before = checkpoint.sequenceNumber;
      try {
        for (const record of batch.Records ?? []) {
          if (!this.running) break;
          await this.options.onRecord(record);
          checkpoint.sequenceNumber = record.dynamodb?.SequenceNumber ?? checkpoint.sequenceNumber;
          handled += 1;
        }
      } catch (error) {
        // the next attempt starts after the last handled record (a new iterator from the checkpoint)
        this.iterators.delete(shardId);
        if (checkpoint.sequenceNumber !== before) await save();
        throw error;
      }
      const complete = this.running;
      if (complete && !batch.NextShardIterator) checkpoint.finished = true;
      if (checkpoint.sequenceNumber !== before || checkpoint.finished) await save();
      if (!complete || checkpoint.finished) {
        this.iterators.delete(shardId);
        return handled;
      }
      this.iterators.set(shardId, batch.NextShardIterator!);
      if (!batch.Records?.length) return handled;
    }
    return handled;
  }

  private async getRecords(streamArn: string, shardId: string, checkpoint: ShardCheckpoint) {
    const iterator = this.iterators.get(shardId) ?? (await this.iteratorAt(streamArn, shardId, checkpoint));
    try {
      return await this.options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize }));
    } catch (error) {
      this.iterators.delete(shardId);
      if (nameOf(error) !== "ExpiredIteratorException") throw error;
      // iterators live 15 minutes: an idle shard's iterator is renewed from the checkpoint
      const fresh = await this.iteratorAt(streamArn, shardId, checkpoint);
      return this.options.streams.send(new GetRecordsCommand({ ShardIterator: fresh, Limit: this.options.batchSize }));
    }
  }

  private async iteratorAt(streamArn: string, shardId: string, checkpoint: ShardCheckpoint): Promise<string> {
    const position = checkpoint.sequenceNumber
      ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER" as const, SequenceNumber: checkpoint.sequenceNumber }
      : { ShardIteratorType: "TRIM_HORIZON" as const };
    const send = (where: typeof position | { ShardIteratorType: "TRIM_HORIZON" }) =>
      this.options.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...where }));
    const { ShardIterator } = await send(position).catch((error: unknown) => {
      if (nameOf(error) !== "TrimmedDataAccessException") throw error;
      // the checkpoint is older than the stream's 24 hours: what lies between is gone, say so and go on
      this.options.onError(error);
      return send({ ShardIteratorType: "TRIM_HORIZON" });
    });
    if (!ShardIterator) throw new ConfigError(`GetShardIterator returned no iterator for shard ${shardId} of ${streamArn}`);
    return ShardIterator;
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
