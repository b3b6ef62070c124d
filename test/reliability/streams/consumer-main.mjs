// A Nest app context that polls the e2e_items stream and prints each typed change as a JSON line.
// Started (and killed) by streams-e2e.spec.ts through consumer-process.ts; uses the built package, like the Jest global setup.
import "reflect-metadata";
import { Injectable, Module } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { DynamiteModule, DynamiteStreamModule, OnTableChange } from "../../../dist/lib/index.js";
import { E2eItem } from "./e2e-item.mjs";

const slowMs = Number(process.env.SLOW_MS ?? 0);

class Watcher {
  async onChange(change) {
    if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
    const line = {
      seq: change.sequenceNumber,
      sku: change.key.sku,
      type: change.type,
      stock: change.newImage?.stock ?? null,
      softDeleted: change.softDeleted,
      restored: change.restored,
      hydrated: (change.newImage ?? change.oldImage) instanceof E2eItem,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
Injectable()(Watcher);
OnTableChange(E2eItem)(Watcher.prototype, "onChange", Object.getOwnPropertyDescriptor(Watcher.prototype, "onChange"));

class ConsumerModule {}
Module({
  imports: [
    DynamiteModule.forRoot({
      endpoint: process.env.DYNAMITE_TEST_ENDPOINT,
      region: "us-east-1",
      credentials: { accessKeyId: process.env.ACCESS_KEY, secretAccessKey: "local" },
      retryAttempts: 0,
    }),
    DynamiteModule.forFeature([E2eItem]),
    DynamiteStreamModule.forRoot({ poll: { pollInterval: 50, batchSize: 100, consumer: "e2e" } }),
  ],
  providers: [Watcher],
})(ConsumerModule);

const app = await NestFactory.createApplicationContext(ConsumerModule, { logger: false });
app.enableShutdownHooks();
process.stdout.write("READY\n");
