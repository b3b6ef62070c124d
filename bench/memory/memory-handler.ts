import { MemoryDynamoDB, MemoryDynamoError } from "./memory-dynamodb.js";

interface HttpRequestLike {
  headers: Record<string, string>;
  body?: unknown;
}

/** What the SDK's deserializers read from a response (they check its shape, not its class). */
interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const encoder = new TextEncoder();

function respond(statusCode: number, payload: unknown): { response: HttpResponseLike } {
  return {
    response: {
      statusCode,
      headers: { "content-type": "application/x-amz-json-1.0" },
      body: encoder.encode(JSON.stringify(payload)),
    },
  };
}

/**
 * An SDK `requestHandler` that answers DynamoDB's JSON protocol from a {@link MemoryDynamoDB}:
 * no socket, no DynamoDB Local. The SDK still serializes, signs and deserializes every request,
 * so what is measured is each library's own work plus the SDK's.
 */
export class MemoryRequestHandler {
  /** Requests answered, by operation. */
  readonly answered = new Map<string, number>();

  constructor(readonly database = new MemoryDynamoDB()) {}

  async handle(request: HttpRequestLike): Promise<{ response: HttpResponseLike }> {
    const target = request.headers["x-amz-target"] ?? request.headers["X-Amz-Target"] ?? "";
    const operation = target.split(".").pop() ?? "";
    this.answered.set(operation, (this.answered.get(operation) ?? 0) + 1);
    const body = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body as Uint8Array);
    try {
      return respond(200, this.database.handle(operation, JSON.parse(body || "{}")));
    } catch (error) {
      if (error instanceof MemoryDynamoError) {
        return respond(400, { __type: `com.amazonaws.dynamodb.v20120810#${error.type}`, message: error.message, ...error.extra });
      }
      return respond(400, { __type: "com.amazonaws.dynamodb.v20120810#ValidationException", message: (error as Error).message });
    }
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, unknown> {
    return {};
  }

  destroy(): void {}
}
