import type { RequestFacts } from "./request-facts.js";

/** What the requests of one model cost since the client was created. */
export interface ModelTotals {
  /** Requests that touched the model's table (a transaction over two tables counts for both). */
  requests: number;
  /** Requests that failed (after the SDK's retries). */
  errors: number;
  /** Attempts the SDK made beyond the first. */
  retries: number;
  /** Items DynamoDB read: ScannedCount of Queries/Scans, items found by key lookups. */
  itemsRead: number;
  /** Items DynamoDB sent back. */
  itemsReturned: number;
  /** Capacity units DynamoDB reported. */
  consumedCapacity: number;
}

/** Totals by model name (the table name for a table no model maps to). */
export type RequestTotals = Record<string, ModelTotals>;

function emptyTotals(): ModelTotals {
  return { requests: 0, errors: 0, retries: 0, itemsRead: 0, itemsReturned: 0, consumedCapacity: 0 };
}

/** Running totals of one client's requests, by model. */
export class RequestTotalsCounter {
  private readonly byModel = new Map<string, ModelTotals>();

  /** Adds one request; `models[i]` is the model of `facts.tables[i]`. Items go to the first model (reads touch one table). */
  add(facts: RequestFacts, models: string[], failed: boolean): void {
    models.forEach((model, position) => {
      let totals = this.byModel.get(model);
      if (!totals) {
        totals = emptyTotals();
        this.byModel.set(model, totals);
      }
      totals.requests++;
      if (failed) totals.errors++;
      totals.consumedCapacity += facts.capacity[facts.tables[position]] ?? 0;
      if (position > 0) return;
      totals.retries += facts.retries;
      totals.itemsRead += facts.itemsRead;
      totals.itemsReturned += facts.itemsReturned;
      // capacity DynamoDB reported without a table name (it always names one today) goes to the first model
      totals.consumedCapacity += facts.capacity[""] ?? 0;
    });
  }

  /** A copy of the totals, models in the order they were first seen. */
  snapshot(): RequestTotals {
    const copy: RequestTotals = {};
    for (const [model, totals] of this.byModel) {
      // defineProperty: a model or table called "__proto__" stays an ordinary key
      Object.defineProperty(copy, model, { value: { ...totals }, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
}
