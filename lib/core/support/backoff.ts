/** How a batch request retries what DynamoDB left unprocessed. */
export interface RetryPolicy {
  /** Requests per chunk, the first included (default 8). */
  maxAttempts: number;
  /** First delay in ms; doubles each attempt (default 25). */
  baseDelayMs: number;
  /** Ceiling of one delay in ms (default 1,000). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 25, maxDelayMs: 1_000 };

/**
 * Exponential backoff with full jitter (AWS's recommendation for unprocessed batch items): a random
 * delay between 0 and min(cap, base·2^attempt), so that concurrent retries spread out.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Waits `ms` milliseconds (Node's promise timer: the one sleep of the package). */
export { setTimeout as sleep } from "node:timers/promises";
