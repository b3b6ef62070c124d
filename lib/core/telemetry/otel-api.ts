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

/**
 * The package's tracer, or undefined without the API. Asked for on every operation rather than kept:
 * a tracer kept from the API's proxy would stay bound to the first provider it found.
 */
export function dynamiteTracer(): OtelApi.Tracer | undefined {
  return tracingApi()?.trace.getTracer("nestjs-dynamite");
}
