import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { nativeRequestInput } from "../../lib/core/engine/send-request.js";
import { isOrmRequest } from "../../lib/core/telemetry/orm-requests.js";

/** The input as JavaScript values: the engine sends low-level commands, whose items and keys are AttributeValues. */
function readable(commandName: unknown, input: unknown): Record<string, any> {
  const bag = input as Record<string, any>;
  return isOrmRequest(input) ? nativeRequestInput(String(commandName ?? ""), bag) : bag;
}

/** One request the SDK sent, with what DynamoDB said it read. */
export interface RecordedRequest {
  command: string;
  input: Record<string, any>;
  scannedCount?: number;
  count?: number;
  capacityUnits?: number;
  /** The error's name when the request failed (e.g. ConditionalCheckFailedException). */
  error?: string;
}

/**
 * Records every command a client sends (an SDK middleware), with ScannedCount/Count and the
 * consumed capacity, or the error's name when it failed; `stop()` removes the middleware.
 */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly name = `requestRecorder${Math.random().toString(36).slice(2)}`;

  constructor(private readonly client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        let result: Awaited<ReturnType<typeof next>>;
        try {
          result = await next(args);
        } catch (error) {
          const command = String(context.commandName ?? "unknown");
          this.requests.push({ command, input: readable(command, args.input), error: (error as Error)?.name ?? "Error" });
          throw error;
        }
        const output = result.output as Record<string, any>;
        const capacity = output.ConsumedCapacity;
        this.requests.push({
          command: String(context.commandName ?? "unknown"),
          input: readable(context.commandName, args.input),
          scannedCount: output.ScannedCount,
          count: output.Count,
          capacityUnits: Array.isArray(capacity)
            ? capacity.reduce((sum: number, c: any) => sum + (c.CapacityUnits ?? 0), 0)
            : capacity?.CapacityUnits,
        });
        return result;
      },
      { step: "initialize", name: this.name },
    );
  }

  /** Command names in order, e.g. ["GetItemCommand"]. */
  commands(): string[] {
    return this.requests.map((r) => r.command);
  }

  count(command: string): number {
    return this.requests.filter((r) => r.command === command).length;
  }

  /** Sum of ScannedCount over the recorded requests (items DynamoDB read for Query/Scan). */
  scanned(): number {
    return this.requests.reduce((sum, r) => sum + (r.scannedCount ?? 0), 0);
  }

  reset(): void {
    this.requests.length = 0;
  }

  stop(): void {
    this.client.middlewareStack.remove(this.name);
  }
}

/** Starts recording the requests of `client`. */
export function recordRequests(client: DynamoDBClient): RequestRecorder {
  return new RequestRecorder(client);
}
