import { createRequire } from "node:module";
import type * as OtelApi from "@opentelemetry/api";

/** The part of `@opentelemetry/api` the engine uses. */
export type TracingApi = typeof OtelApi;

let loaded: TracingApi | null | undefined;

/**
 * Replaces the API the engine uses (benchmarks and tests, not exported from the package):
 * `null` behaves exactly as if `@opentelemetry/api` were not installed, `undefined` loads it again.
 */
export function overrideTracingApi(api: TracingApi | null | undefined): void {
  loaded = api;
}

/**
 * `@opentelemetry/api`, or undefined when the application does not have it. It is an optional peer
 * dependency: required lazily (synchronously, so the package keeps no top-level await and still
 * loads through `require(esm)`), once. The API keeps its registered tracer provider on a global,
 * so any copy the application installed sees the same provider.
 */
export function tracingApi(): TracingApi | undefined {
  if (loaded === undefined) {
    try {
      loaded = createRequire(import.meta.url)("@opentelemetry/api") as TracingApi;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** The provider a fresh API proxy delegates to: the API's no-op provider, known once per loaded API. */
const noopProviders = new WeakMap<TracingApi, object>();
/** The package's tracer of each tracer provider the application registered. */
const tracers = new WeakMap<object, OtelApi.Tracer>();

/**
 * The package's tracer, or undefined without the API or while no tracer provider is registered (the
 * API's no-op provider would only hand out spans that record nothing). Looked up on every operation,
 * so a provider registered, replaced or disabled later is followed; the tracer of each provider is
 * made once (the API's proxy would otherwise allocate a proxy tracer on every call).
 */
export function dynamiteTracer(): OtelApi.Tracer | undefined {
  const api = tracingApi();
  if (!api) return undefined;
  const provider = api.trace.getTracerProvider();
  // the global provider is the API's proxy: its delegate is the application's provider, or the no-op one
  const delegate = (provider as { getDelegate?: () => OtelApi.TracerProvider }).getDelegate?.() ?? provider;
  if (delegate === noopProviderOf(api)) return undefined;
  let tracer = tracers.get(delegate);
  if (!tracer) {
    tracer = delegate.getTracer("nestjs-dynamite");
    tracers.set(delegate, tracer);
  }
  return tracer;
}

function noopProviderOf(api: TracingApi): object | undefined {
  if (typeof api.ProxyTracerProvider !== "function") return undefined;
  let noop = noopProviders.get(api);
  if (!noop) {
    noop = new api.ProxyTracerProvider().getDelegate();
    noopProviders.set(api, noop);
  }
  return noop;
}
