import { AsyncLocalStorage } from "node:async_hooks";
import type { WriteQueue } from "./write-queue.js";

const scope = new AsyncLocalStorage<WriteQueue>();

/**
 * The write queue open in this async context, if any (writes join it without a `tx` argument).
 * A committed or failed one no longer counts, so writes in `afterCommit` hooks are sent on their own.
 */
export function currentWriteQueue(): WriteQueue | undefined {
  const queue = scope.getStore();
  return queue?.isOpen ? queue : undefined;
}

/** Runs `fn` with `queue` as the ambient write queue. */
export function runInWriteScope<R>(queue: WriteQueue, fn: () => R): R {
  return scope.run(queue, fn);
}

/** Runs `fn` with no ambient write queue (writes inside are sent on their own). */
export function runWithoutWriteScope<R>(fn: () => R): R {
  return scope.run(undefined as unknown as WriteQueue, fn);
}
