import { postJson, type Outcome } from "./http-outcome.js";

/** One checkout of the burst: its buyer (one per request, so stored orders map back to requests) and its lines. */
export interface Checkout {
  user_id: string;
  items: { product_id: string; quantity: number }[];
}

/** What happened while the burst ran: every request's outcome and how many were unanswered at SIGTERM. */
export interface BurstResult {
  outcomes: Outcome[];
  pendingAtSignal: number;
  signalledAt: number;
}

/**
 * Sends every checkout at once, each on its own connection, and calls `signal` as soon as
 * `answeredBeforeSignal` responses have arrived: the rest are in flight when the process is told to stop.
 */
export async function runBurst(
  url: string,
  checkouts: Checkout[],
  answeredBeforeSignal: number,
  signal: () => void,
): Promise<BurstResult> {
  let answered = 0;
  let pendingAtSignal = -1;
  let signalledAt = 0;
  const outcomes = await Promise.all(
    checkouts.map(async (checkout) => {
      const outcome = await postJson(`${url}/orders`, checkout, 45_000);
      if (++answered === answeredBeforeSignal) {
        pendingAtSignal = checkouts.length - answered;
        signalledAt = Date.now();
        signal();
      }
      return outcome;
    }),
  );
  return { outcomes, pendingAtSignal, signalledAt };
}
