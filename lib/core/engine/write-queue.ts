import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { WriteAction } from "./write-action.js";

/**
 * Where a write goes when it is not sent at once: queued, then sent with the others or never.
 * The transaction context implements it; writes, hooks and batches only know this interface.
 */
export interface WriteQueue {
  /** Queues one write (it may be merged with an earlier write to the same item). */
  enqueue(action: WriteAction): void;
  /** Runs `fn` once the queued writes are durable; never when they are discarded or fail. */
  afterCommit(fn: () => unknown): void;
  /** The client the queued writes are sent through: a write bound to another connection cannot join. */
  readonly documentClient: DynamoDBDocumentClient;
  /** True while the queue accepts writes. */
  readonly isOpen: boolean;
}

/** True for a write queue (a transaction) passed where options are also accepted. */
export function isWriteQueue(value: unknown): value is WriteQueue {
  return typeof (value as WriteQueue | undefined)?.enqueue === "function";
}
