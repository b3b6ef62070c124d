import { AsyncLocalStorage } from "node:async_hooks";
import type { WriteQueue } from "./write-queue.js";

const scope = new AsyncLocalStorage<WriteQueue>();

/**
 * Transactions running now. On Node 20 and 22 an enabled AsyncLocalStorage makes every promise of
 * the process slower (measured ×0.60–0.69 on the bench's operations), so the scope is enabled only
 * while a transaction runs and disabled when the last one has committed or rolled back. Once a
 * transaction is over its queue is closed and `currentWriteQueue` ignores it, so a write still
 * running from its callback sees no queue either way: disabling changes nothing a caller can see.
 */
let running = 0;

/**
 * The write queue open in this async context, if any (writes join it without a `tx` argument).
 * A committed or failed one no longer counts, so writes in `afterCommit` hooks are sent on their own.
 */
export function currentWriteQueue(): WriteQueue | undefined {
  if (running === 0) return undefined;
  const queue = scope.getStore();
  return queue?.isOpen ? queue : undefined;
}

/** Runs `fn` with `queue` as the ambient write queue; `fn` covers the transaction to its commit or rollback. */
export async function runInWriteScope<R>(queue: WriteQueue, fn: () => Promise<R>): Promise<R> {
  running++;
  try {
    return await scope.run(queue, fn);
  } finally {
    if (--running === 0) scope.disable();
  }
}

/** Runs `fn` with no ambient write queue (writes inside are sent on their own). */
export function runWithoutWriteScope<R>(fn: () => R): R {
  // with no transaction running there is no queue to hide, and no need to enable the scope
  return running === 0 ? fn() : scope.run(undefined as unknown as WriteQueue, fn);
}

/**
 * For tests: transactions running now, and whether the scope's AsyncLocalStorage is enabled on an
 * implementation that hooks every promise (Node 20/22 report `enabled`; Node 24's AsyncContextFrame
 * storage has no flag and no promise hooks, so it never counts as enabled here).
 */
export function writeScopeState(): { running: number; hooked: boolean } {
  return { running, hooked: (scope as { enabled?: boolean }).enabled === true };
}
