import { AsyncLocalStorage } from "node:async_hooks";
import type { Span, Tracer } from "@opentelemetry/api";
import { registeredMetadata } from "../metadata/registry.js";
import { Operation, rowsReturned, type OperationKind } from "./operation.js";
import { dynamiteTracer, tracingApi } from "./otel-api.js";
import { operationAttributes } from "./span-attributes.js";

const scope = new AsyncLocalStorage<Operation>();
const spans = new WeakMap<Operation, Span>();
/** Clients with an `onRequest` hook: their events name the operation, so every operation is tracked. */
let listeners = 0;

/** Called once per client that has an `onRequest` hook. */
export function trackOperationsForListener(): void {
  listeners++;
}

/** The innermost ORM operation running in this async context, if any. */
export function currentOperation(): Operation | undefined {
  return scope.getStore();
}

/** The recording span of an operation (none without a tracer provider, or when it was not sampled). */
export function spanOf(operation: Operation): Span | undefined {
  return spans.get(operation);
}

/**
 * Runs `fn` as one ORM operation: requests it sends are counted on it, and with a tracer provider it
 * is a span (child of the active span) whose children are its requests. A synchronous throw stays
 * synchronous; the result is passed through unchanged. When nobody wants per-operation facts (no
 * recording span, no `onRequest` hook, no enclosing tracked operation) `fn` just runs: the async
 * context that tracking needs costs every promise of the process on Node 20/22.
 */
export function runOperation<R>(action: string, model: Function | undefined, kind: OperationKind, fn: () => R): R {
  const parent = scope.getStore();
  const tracer = dynamiteTracer();
  // the common case, checked before anything is allocated: no tracer, no hook, no enclosing operation
  if (!tracer && !parent && listeners === 0) return fn();
  const operation = new Operation(action, model, kind, parent);
  const span = tracer && startSpan(tracer, operation);
  if (!span && !parent && listeners === 0) return fn();
  let result: R;
  try {
    result = span ? scope.run(operation, () => runInSpan(span, fn)) : scope.run(operation, fn);
  } catch (error) {
    finish(operation, undefined, error, true);
    throw error;
  }
  if (!(result instanceof Promise)) {
    finish(operation, result, undefined, false);
    return result;
  }
  return result.then(
    (value) => {
      finish(operation, value, undefined, false);
      return value;
    },
    (error: unknown) => {
      finish(operation, undefined, error, true);
      throw error;
    },
  ) as R;
}

function startSpan(tracer: Tracer, operation: Operation): Span | undefined {
  // the enclosing operation is the parent even when the application registered no context manager
  const enclosing = operation.parent && spans.get(operation.parent);
  const api = tracingApi()!;
  const parent = enclosing ? api.trace.setSpan(api.context.active(), enclosing) : api.context.active();
  const span = tracer.startSpan(operation.name, undefined, parent);
  if (!span.isRecording()) return undefined;
  spans.set(operation, span);
  return span;
}

/** Runs `fn` with the operation's span active, so spans of other instrumentations nest under it. */
function runInSpan<R>(span: Span, fn: () => R): R {
  const api = tracingApi()!;
  return api.context.with(api.trace.setSpan(api.context.active(), span), fn);
}

function tableOf(model: Function | undefined): string | undefined {
  return model ? registeredMetadata(model)?.tableName : undefined;
}

function finish(operation: Operation, result: unknown, error: unknown, failed: boolean): void {
  operation.parent?.absorb(operation);
  const span = spans.get(operation);
  if (!span) return;
  const returned = operation.kind === "rows" && !failed ? rowsReturned(result) : undefined;
  span.setAttributes(operationAttributes(operation, tableOf(operation.model), returned));
  if (failed) recordError(span, error);
  span.end();
}

/** Marks a span failed with the error (its class name as `error.type`, the error as an exception event). */
export function recordError(span: Span, error: unknown): void {
  const api = tracingApi()!;
  const name = (error as Error)?.name ?? "Error";
  span.setAttribute("error.type", typeof error === "object" && error !== null ? (error as Error).constructor.name || name : name);
  span.setStatus({ code: api.SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
  if (error instanceof Error) span.recordException(error);
  else span.recordException(String(error));
}
