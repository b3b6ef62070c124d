import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** Commands that accept ReturnConsumedCapacity. */
const DATA_COMMANDS = new Set([
  "GetItemCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
  "TransactGetItemsCommand",
]);

/** What a client sent while metered. */
export interface MeterCounts {
  requests: number;
  /** Items DynamoDB read: ScannedCount for Query/Scan, items found for GetItem/BatchGetItem. */
  itemsRead: number;
  /** ConsumedCapacity units (reads and writes). */
  capacityUnits: number;
  byCommand: Record<string, number>;
}

function itemsReadOf(command: string, output: Record<string, any>): number {
  if (typeof output.ScannedCount === "number") return output.ScannedCount;
  if (command === "GetItemCommand") return output.Item ? 1 : 0;
  if (command === "BatchGetItemCommand") {
    return Object.values<unknown[]>(output.Responses ?? {}).reduce((sum, rows) => sum + rows.length, 0);
  }
  return 0;
}

function capacityOf(output: Record<string, any>): number {
  const capacity = output.ConsumedCapacity;
  if (!capacity) return 0;
  const list = Array.isArray(capacity) ? capacity : [capacity];
  return list.reduce((sum: number, entry: any) => sum + (entry?.CapacityUnits ?? 0), 0);
}

/**
 * Counts the requests a client sends and the items DynamoDB read for them (an SDK middleware,
 * shared by every contender). It adds `ReturnConsumedCapacity: TOTAL` to data-plane inputs that
 * don't set it, so capacity is reported for libraries that don't ask for it.
 */
export class Meter {
  private counts: MeterCounts = Meter.empty();

  static empty(): MeterCounts {
    return { requests: 0, itemsRead: 0, capacityUnits: 0, byCommand: {} };
  }

  constructor(client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName ?? "unknown");
        const input = args.input as Record<string, unknown>;
        if (DATA_COMMANDS.has(command) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = "TOTAL";
        this.counts.requests++;
        this.counts.byCommand[command] = (this.counts.byCommand[command] ?? 0) + 1;
        const result = await next(args);
        const output = (result.output ?? {}) as Record<string, any>;
        this.counts.itemsRead += itemsReadOf(command, output);
        this.counts.capacityUnits += capacityOf(output);
        return result;
      },
      { step: "initialize", name: "benchMeter", priority: "high" },
    );
  }

  /** The counts since the last reset, and starts counting from zero. */
  take(): MeterCounts {
    const counts = this.counts;
    this.counts = Meter.empty();
    return counts;
  }
}
