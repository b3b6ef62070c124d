import "reflect-metadata";
import type { INestApplication, LogLevel } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app.module.js";
import { startTracingFromEnv } from "./tracing.js";

/** Creates the sample app and listens on `port`; the caller decides how to shut it down. Tests pass `logger: false`. */
export async function startSampleApp(
  port: number,
  { logger = ["error", "warn", "log"] }: { logger?: LogLevel[] | false } = {},
): Promise<INestApplication> {
  if (await startTracingFromEnv()) console.log("Tracing: spans go to the console (OTEL_TRACES_EXPORTER=console)");
  const app = await NestFactory.create(AppModule, { logger });
  await app.listen(port);
  return app;
}

/** `PORT` from the environment, default 3000. */
export function samplePort(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  return port;
}
