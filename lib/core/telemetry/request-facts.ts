/** What one DynamoDB request did, read from its input and its output or error (pure). */
export interface RequestFacts {
  /** The DynamoDB operation: GetItem, Query, TransactWriteItems, DescribeTable, … */
  command: string;
  /** Tables the request touched, in request order. */
  tables: string[];
  index?: string;
  /** Items DynamoDB read: ScannedCount of a Query/Scan, the items found by GetItem/BatchGetItem. */
  itemsRead: number;
  /** Items DynamoDB sent back (after its filter). */
  itemsReturned: number;
  /** Capacity units DynamoDB reported (ReturnConsumedCapacity: TOTAL), by table; empty when it reported none. */
  capacity: Record<string, number>;
  /** Attempts the SDK made beyond the first (throttling, 5xx, timeouts). */
  retries: number;
  /** TransactWriteItems/TransactGetItems: number of actions. */
  transactionSize?: number;
  /** ClientRequestToken of a transaction (the same token on every re-send). */
  transactionToken?: string;
  /** Cancellation code of each action of a cancelled transaction ("None" for the ones that were fine). */
  cancellationReasons?: string[];
  /** BatchGetItem/BatchWriteItem: keys or items DynamoDB left unprocessed. */
  unprocessed?: number;
}

type Bag = Record<string, any>;

/** Reads are the requests whose access plan (`dynamite.plan`) we report. */
export const READ_COMMANDS = new Set(["GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"]);

/** Requests that accept ReturnConsumedCapacity. */
export const CAPACITY_COMMANDS = new Set([
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
  "TransactGetItems",
]);

/** `GetItemCommand` (the SDK's name, also of the document client's `GetCommand`) → `GetItem`. */
export function commandOf(commandName: unknown): string {
  const name = String(commandName ?? "Unknown");
  return name.endsWith("Command") ? name.slice(0, -"Command".length) : name;
}

function transactTables(items: Bag[] | undefined): string[] {
  return (items ?? []).map((item) => {
    const action = Object.values(item ?? {})[0] as Bag | undefined;
    return String(action?.TableName ?? "");
  });
}

/** The tables of a request, from its input (each once, in order). */
export function tablesOf(input: Bag): string[] {
  const single = typeof input.TableName === "string";
  if (single && input.RequestItems === undefined && input.TransactItems === undefined)
    return input.TableName ? [input.TableName] : [];
  const tables: string[] = [];
  if (single) tables.push(input.TableName);
  if (input.RequestItems && typeof input.RequestItems === "object") tables.push(...Object.keys(input.RequestItems));
  if (Array.isArray(input.TransactItems)) tables.push(...transactTables(input.TransactItems));
  return [...new Set(tables.filter(Boolean))];
}

function capacityOf(output: Bag | undefined): Record<string, number> {
  const reported = output?.ConsumedCapacity;
  // table names are user input: a null-prototype record keeps "__proto__" an ordinary key
  const byTable: Record<string, number> = Object.create(null);
  for (const entry of Array.isArray(reported) ? reported : reported ? [reported] : []) {
    if (typeof entry?.CapacityUnits !== "number") continue;
    const table = String(entry.TableName ?? "");
    byTable[table] = (byTable[table] ?? 0) + entry.CapacityUnits;
  }
  return byTable;
}

function countItems(output: Bag | undefined, command: string): { read: number; returned: number } {
  if (!output) return { read: 0, returned: 0 };
  if (typeof output.ScannedCount === "number") return { read: output.ScannedCount, returned: output.Count ?? 0 };
  if (command === "GetItem") return output.Item ? { read: 1, returned: 1 } : { read: 0, returned: 0 };
  if (command === "BatchGetItem") {
    const found = Object.values<unknown[]>(output.Responses ?? {}).reduce((sum, rows) => sum + (rows?.length ?? 0), 0);
    return { read: found, returned: found };
  }
  if (command === "TransactGetItems") {
    const found = (output.Responses ?? []).filter((response: Bag) => response?.Item).length;
    return { read: found, returned: found };
  }
  return { read: 0, returned: 0 };
}

function unprocessedOf(output: Bag | undefined): number | undefined {
  const left = output?.UnprocessedKeys ?? output?.UnprocessedItems;
  if (!left || typeof left !== "object") return undefined;
  return Object.values<Bag>(left).reduce(
    (sum, entry) => sum + (Array.isArray(entry) ? entry.length : (entry?.Keys?.length ?? 0)),
    0,
  );
}

/** The facts of one request; `output` when it succeeded, `error` when it failed. */
export function requestFacts(commandName: unknown, input: Bag, output?: Bag, error?: unknown): RequestFacts {
  const command = commandOf(commandName);
  const items = countItems(output, command);
  const failure = error as Bag | undefined;
  const attempts = (output ?? failure)?.$metadata?.attempts;
  const facts: RequestFacts = {
    command,
    tables: tablesOf(input),
    itemsRead: items.read,
    itemsReturned: items.returned,
    capacity: capacityOf(output ?? failure),
    retries: typeof attempts === "number" && attempts > 1 ? attempts - 1 : 0,
  };
  if (typeof input.IndexName === "string") facts.index = input.IndexName;
  if (Array.isArray(input.TransactItems)) {
    facts.transactionSize = input.TransactItems.length;
    if (typeof input.ClientRequestToken === "string") facts.transactionToken = input.ClientRequestToken;
  }
  if (Array.isArray(failure?.CancellationReasons)) {
    facts.cancellationReasons = failure.CancellationReasons.map((reason: Bag) => String(reason?.Code ?? "None"));
  }
  const unprocessed = unprocessedOf(output);
  if (unprocessed !== undefined) facts.unprocessed = unprocessed;
  return facts;
}

/** Sum of a capacity record. */
export function totalCapacity(capacity: Record<string, number>): number {
  let total = 0;
  for (const units of Object.values(capacity)) total += units;
  return total;
}
