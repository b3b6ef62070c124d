import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Span } from "@opentelemetry/api";
import { currentOperation, recordError, spanOf, trackOperationsForListener } from "./operation-scope.js";
import { isOrmRequest } from "./orm-requests.js";
import type { Operation } from "./operation.js";
import { dynamiteTracer, tracingApi } from "./otel-api.js";
import { requestEvent, type RequestListener } from "./request-event.js";
import { CAPACITY_COMMANDS, commandOf, requestFacts, tablesOf } from "./request-facts.js";
import type { RequestTotalsCounter } from "./request-totals.js";
import { requestAttributes, requestSpanName } from "./span-attributes.js";
import type { TableModels } from "./table-models.js";
import { withFields } from "../support/with-fields.js";
import { typedRequestError } from "../errors/request-timeout-error.js";

type Bag = Record<string, any>;

/** Where one client's request facts go. */
export interface TelemetrySinks {
  totals: RequestTotalsCounter;
  tableModels: TableModels;
  onRequest?: RequestListener;
  warn: (message: string) => void;
  /** The client's `requestTimeout`, named in the RequestTimeoutError of a request that got no answer. */
  requestTimeout?: number;
}

export const TELEMETRY_MIDDLEWARE = "dynamiteTelemetry";

/**
 * The one place every request of a client passes (the client's only middleware: each one more is
 * resolved and called on every request): a request sent by an ORM operation asks for its consumed
 * capacity, becomes a child span of the operation's span, and its facts go to the operation, the
 * client's totals and the `onRequest` hook. Requests the application sends itself through
 * `getClient()` pass untouched, except that the SDK's TimeoutError of any request becomes a
 * RequestTimeoutError (`typedRequestError`).
 */
export function installTelemetry(client: DynamoDBClient, sinks: TelemetrySinks): void {
  if (sinks.onRequest) trackOperationsForListener();
  client.middlewareStack.add(
    // not an async function: one promise fewer on every request (this runs for each one)
    (next, context) => (args) => {
      const operation = currentOperation();
      const ours = isOrmRequest(args.input);
      if (!operation && !ours) {
        return next(args).catch((error: unknown) => {
          throw typedRequestError(error, context.commandName, sinks.requestTimeout);
        });
      }
      const command = commandOf(context.commandName);
      let input = args.input as Bag;
      // capacity is response metadata: asking for it changes neither the result nor the price
      if (CAPACITY_COMMANDS.has(command) && input.ReturnConsumedCapacity === undefined) {
        if (ours) {
          input.ReturnConsumedCapacity = "TOTAL"; // the engine's own input object, made for this request
        } else {
          input = withFields(input, { ReturnConsumedCapacity: "TOTAL" });
          args = withFields(args, { input });
        }
      }
      const started = sinks.onRequest ? performance.now() : 0;
      const span = startRequestSpan(operation, command, input);
      const sent = span ? runInSpan(span, () => next(args)) : next(args);
      return sent.then(
        (result) => {
          report(sinks, operation, span, context.commandName, input, started, result.output as Bag);
          return result;
        },
        (sdkError: unknown) => {
          const error = typedRequestError(sdkError, context.commandName, sinks.requestTimeout);
          report(sinks, operation, span, context.commandName, input, started, undefined, error);
          throw error;
        },
      );
    },
    { step: "initialize", name: TELEMETRY_MIDDLEWARE, override: true },
  );
}

function startRequestSpan(operation: Operation | undefined, command: string, input: Bag): Span | undefined {
  const parent = operation && spanOf(operation);
  if (!parent) return undefined;
  const api = tracingApi()!;
  const context = api.trace.setSpan(api.context.active(), parent);
  return dynamiteTracer()!.startSpan(requestSpanName(command, tablesOf(input)), { kind: api.SpanKind.CLIENT }, context);
}

function runInSpan<R>(span: Span, fn: () => Promise<R>): Promise<R> {
  const api = tracingApi()!;
  return api.context.with(api.trace.setSpan(api.context.active(), span), fn);
}

function report(
  sinks: TelemetrySinks,
  operation: Operation | undefined,
  span: Span | undefined,
  commandName: unknown,
  input: Bag,
  started: number,
  output: Bag | undefined,
  error?: unknown,
): void {
  const facts = requestFacts(commandName, input, output, error);
  const models = sinks.tableModels.modelsOf(facts.tables);
  operation?.addRequest(facts);
  sinks.totals.add(facts, models, error !== undefined);
  if (span) {
    span.setAttributes(requestAttributes(facts, models));
    if (error !== undefined) recordError(span, error);
    span.end();
  }
  if (!sinks.onRequest) return;
  try {
    sinks.onRequest(requestEvent(operation?.name, facts, models, performance.now() - started, error));
  } catch (hookError) {
    sinks.warn(`Dynamite: the onRequest hook threw: ${(hookError as Error)?.message ?? String(hookError)}`);
  }
}
