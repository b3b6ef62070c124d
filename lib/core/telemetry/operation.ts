import { READ_COMMANDS, totalCapacity, type RequestFacts } from "./request-facts.js";

/** Whether an operation returns rows to its caller (a read), or something else (a write, a count, a commit). */
export type OperationKind = "rows" | "other";

/**
 * One ORM operation in flight (`User.where`, `order.save`, `tx`, `sync`) and what its requests
 * cost so far; nested operations add theirs to the enclosing one when they end.
 */
export class Operation {
  /** Access plan: the first read request's operation (GetItem, BatchGetItem, Query, Scan). */
  plan?: string;
  index?: string;
  requests = 0;
  pages = 0;
  itemsRead = 0;
  capacity = 0;
  capacityReported = false;
  retries = 0;
  transactionSize?: number;
  cancellationReasons?: string[];
  private lastToken?: string;

  constructor(
    /** The method called: where, first, save, tx, sync, … */
    readonly action: string,
    /** The model class (statics) or undefined (client methods). */
    readonly model: Function | undefined,
    readonly kind: OperationKind,
    readonly parent: Operation | undefined,
  ) {}

  /** `User.where`, or `tx` for a client method. */
  get name(): string {
    return this.model ? `${this.model.name}.${this.action}` : this.action;
  }

  /** Adds one request this operation sent itself. */
  addRequest(facts: RequestFacts): void {
    this.requests++;
    if (facts.command === "Query" || facts.command === "Scan") this.pages++;
    if (this.plan === undefined && READ_COMMANDS.has(facts.command)) {
      this.plan = facts.command;
      this.index = facts.index;
    }
    this.itemsRead += facts.itemsRead;
    const units = totalCapacity(facts.capacity);
    if (units || Object.keys(facts.capacity).length) this.capacityReported = true;
    this.capacity += units;
    this.retries += facts.retries;
    if (facts.transactionSize !== undefined) {
      // the same ClientRequestToken again is this transaction re-sent after a conflict
      if (facts.transactionToken !== undefined && facts.transactionToken === this.lastToken) this.retries++;
      this.lastToken = facts.transactionToken;
      this.transactionSize = facts.transactionSize;
    }
    if (facts.cancellationReasons) this.cancellationReasons = facts.cancellationReasons;
  }

  /** Adds a finished nested operation's cost to this one. */
  absorb(child: Operation): void {
    this.requests += child.requests;
    this.pages += child.pages;
    this.itemsRead += child.itemsRead;
    this.capacity += child.capacity;
    this.capacityReported ||= child.capacityReported;
    this.retries += child.retries;
    this.transactionSize ??= child.transactionSize;
    this.cancellationReasons ??= child.cancellationReasons;
  }
}

/** Rows a read returned to its caller: an array, a page, one instance or nothing. */
export function rowsReturned(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result === undefined || result === null) return 0;
  const items = (result as { items?: unknown }).items;
  if (Array.isArray(items)) return items.length;
  return 1;
}
