/**
 * Prints a span per ORM operation and per DynamoDB request to the console when
 * `OTEL_TRACES_EXPORTER=console` (the OpenTelemetry variable; other exporters need the SDK of your
 * choice). The SDK is imported only then, so the sample starts without it otherwise.
 */
export async function startTracingFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.OTEL_TRACES_EXPORTER !== "console") return false;
  const { trace } = await import("@opentelemetry/api");
  const { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } = await import("@opentelemetry/sdk-trace-base");
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] }),
  );
  return true;
}
