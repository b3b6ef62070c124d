import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DEFAULT_ENGINE_OPTIONS } from "../engine/client-options.js";
import type { WriteQueue } from "../engine/write-queue.js";
import type { WriteAction, WriteParams } from "../engine/write-action.js";
import { renderItemWrite, type ItemWrite } from "./item-write.js";
import { mergeActions, unmergeable, type NextWrite } from "./merge-writes.js";
import { rawItemWrite } from "./raw-actions.js";
import { sendTransaction } from "./send-transaction.js";
import { TransactionError } from "../errors/transaction-error.js";
import { assertWithinLimits } from "./transaction-limits.js";
import { keyIdentity } from "../item/item-key.js";

/** Where a transaction is in its life. */
export type TransactionState = "open" | "committing" | "committed" | "failed";

/** Options of one transaction. */
export interface TransactionOptions {
  /** Retries of a cancellation caused only by conflicts or throttling (default 3). */
  retries?: number;
  /** The idempotency token sent with every attempt (default: a random UUID). */
  token?: string;
}

/**
 * Buffers the writes of one `tx()` callback, merges writes to the same item, and commits them
 * with ONE TransactWriteItems. Passed to the `tx()` callback.
 */
export class TransactionContext implements WriteQueue {
  /** The ClientRequestToken sent with every attempt of this transaction. */
  readonly token: string;
  private readonly items = new Map<string, ItemWrite>();
  /** Queued actions with an `onCommitted` (called in order once the commit succeeded). */
  private readonly committed: WriteAction[] = [];
  private readonly hooks: Array<() => unknown> = [];
  private readonly retries: number;
  private status: TransactionState = "open";
  private rollbackReason?: unknown;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    options: TransactionOptions = {},
  ) {
    this.token = options.token ?? randomUUID();
    this.retries = options.retries ?? DEFAULT_ENGINE_OPTIONS.transactionRetries;
  }

  /** The document client the commit is sent through. */
  get documentClient(): DynamoDBDocumentClient {
    return this.doc;
  }

  /**
   * Queues a model write (called by Table methods), merged with an earlier write to the same item.
   * Throws the write's own error when it cannot succeed after that write (e.g. a second create of
   * one key is a ConflictError), a TransactionError when no single action has the same effect.
   */
  enqueue(action: WriteAction): void {
    const { kind, table, key, item, update, conditions } = action;
    this.queue({ modelName: action.model.name, table, key, action: { kind, table, key, item, update, conditions } }, action);
    if (action.onCommitted) this.committed.push(action);
  }

  /** Queues a Put of a raw (stored-form) item. */
  addPut(tableName: string, item: Record<string, unknown>): void {
    this.queue(rawItemWrite("Put", { TableName: tableName, Item: item }));
  }

  /** Queues a Delete by stored primary key. */
  addDelete(tableName: string, key: Record<string, unknown>): void {
    this.queue(rawItemWrite("Delete", { TableName: tableName, Key: key }));
  }

  /** Queues an Update in SDK form (`TableName`, `Key`, `UpdateExpression`, placeholders). */
  addUpdate(params: WriteParams): void {
    this.queue(rawItemWrite("Update", params));
  }

  /** Queues a ConditionCheck in SDK form (`TableName`, `Key`, `ConditionExpression`, placeholders). */
  addConditionCheck(params: WriteParams): void {
    this.queue(rawItemWrite("ConditionCheck", params));
  }

  /** Runs `fn` after a successful commit; never after a failed or discarded transaction. */
  afterCommit(fn: () => unknown): void {
    this.assertOpen();
    this.hooks.push(fn);
  }

  /** Number of actions the commit will send (after merging writes to the same item). */
  get size(): number {
    return this.pending().length;
  }

  /** True while writes may still be queued. */
  get isOpen(): boolean {
    return this.status === "open";
  }

  get state(): TransactionState {
    return this.status;
  }

  /** The TransactWriteItems entries the commit will send, in order (for inspection and tests). */
  pendingItems(): Array<Record<string, WriteParams>> {
    return this.pending().map(({ rendered }) => ({ [rendered.kind]: rendered.params }));
  }

  /**
   * Sends every queued action in one TransactWriteItems (called by `tx()` when the callback resolves),
   * then marks created instances persisted and runs the `afterCommit` hooks.
   */
  async commit(): Promise<void> {
    if (this.status !== "open") return;
    if (this.rollbackReason !== undefined) {
      this.status = "failed";
      throw new TransactionError(
        "A nested tx() failed and its error was caught; the whole transaction is rolled back, nothing was sent.",
        [],
        {
          cause: this.rollbackReason,
        },
      );
    }
    this.status = "committing";
    try {
      const pending = this.pending();
      assertWithinLimits(pending.map(({ rendered }) => rendered.params));
      if (pending.length) {
        const items = pending.map(({ rendered }) => ({ [rendered.kind]: rendered.params }));
        const sent = pending.map(({ write }) => ({ model: write.modelName, key: write.key }));
        await sendTransaction(this.doc, items as never, sent, { token: this.token, retries: this.retries });
      }
    } catch (error) {
      this.status = "failed";
      throw error;
    }
    this.status = "committed";
    for (const action of this.committed) action.onCommitted!();
    for (const hook of this.hooks) await hook();
  }

  /** Discards every queued write (the callback threw): nothing will be sent, no hook will run. */
  discard(): void {
    if (this.status === "open") this.status = "failed";
  }

  /** Marks the transaction rollback-only: a nested `tx()` failed, so committing the rest would not be atomic. */
  markRollbackOnly(reason: unknown): void {
    this.rollbackReason ??= reason ?? new Error("nested transaction failed");
  }

  private queue(write: ItemWrite, next?: NextWrite): void {
    this.assertOpen();
    const id = keyIdentity(write.table, write.key);
    const existing = this.items.get(id);
    if (!existing) {
      // the queued write is a fresh object (enqueue/rawItemWrite build one per call): it takes the instance itself
      write.instance = next?.instance;
      this.items.set(id, write);
      return;
    }
    const incoming = next ?? write.action;
    if (!incoming) throw unmergeable(existing, existing.action?.kind ?? existing.raw!.kind, write.raw!.kind);
    existing.action = mergeActions(existing, incoming);
    existing.instance = next?.instance ?? existing.instance;
  }

  private pending() {
    return [...this.items.values()].map((write) => ({ write, rendered: renderItemWrite(write) }));
  }

  private assertOpen(): void {
    if (this.status !== "open") {
      throw new TransactionError(`This transaction is ${this.status}; queue writes inside the tx() callback, before it returns.`);
    }
  }
}
