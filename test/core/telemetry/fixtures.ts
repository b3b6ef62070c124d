import "reflect-metadata";
import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { BelongsTo, HasMany, PrimaryKey, Table, type NonAttribute } from "../../../lib/core/index.js";

export class Shopper extends Table<Shopper> {
  @PrimaryKey() declare id: string;
  declare name: string;
  declare tier: string;
  @HasMany(() => Purchase, "shopper_id") declare purchases: NonAttribute<Purchase[]>;
}

export class Purchase extends Table<Purchase> {
  @PrimaryKey() declare id: string;
  declare shopper_id: string;
  declare status: string;
  declare total: number;
  @BelongsTo(() => Shopper, "shopper_id") declare shopper: NonAttribute<Shopper | null>;
}

export const TELEMETRY_MODELS = [Shopper, Purchase];

/** 24 shoppers (every 4th "gold"); shopper s00 has 6 purchases (2 paid), s01 and s02 have 1 each. */
export async function seedShop(): Promise<void> {
  const shoppers = Array.from({ length: 24 }, (_, i) => ({
    id: `s${String(i).padStart(2, "0")}`,
    name: `Shopper ${i}`,
    tier: i % 4 === 0 ? "gold" : "basic",
  }));
  await Shopper.createMany(shoppers);
  const purchases = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `p0-${i}`, shopper_id: "s00", status: i < 2 ? "paid" : "open", total: i })),
    { id: "p1-0", shopper_id: "s01", status: "paid", total: 10 },
    { id: "p2-0", shopper_id: "s02", status: "open", total: 20 },
  ];
  await Purchase.createMany(purchases);
}

/** Registers an SDK tracer provider with an in-memory exporter for the suite; spans are cleared before each test. */
export function useSpanExporter(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  beforeEach(() => exporter.reset());
  afterAll(() => {
    trace.disable();
  });
  return exporter;
}

/** The one finished span called `name` (fails loudly when there are none or several). */
export function spanNamed(exporter: InMemorySpanExporter, name: string): ReadableSpan {
  const found = exporter.getFinishedSpans().filter((span) => span.name === name);
  if (found.length !== 1) {
    const names = exporter.getFinishedSpans().map((span) => span.name);
    throw new Error(`expected one span "${name}", got ${found.length} among [${names.join(", ")}]`);
  }
  return found[0];
}

/** The finished spans whose parent is `parent`, in the order they ended. */
export function childrenOf(exporter: InMemorySpanExporter, parent: ReadableSpan): ReadableSpan[] {
  const id = parent.spanContext().spanId;
  return exporter.getFinishedSpans().filter((span) => span.parentSpanContext?.spanId === id);
}

/** Sum of a numeric attribute over spans. */
export function sumOf(spans: ReadableSpan[], attribute: string): number {
  return spans.reduce((sum, span) => sum + Number(span.attributes[attribute] ?? 0), 0);
}
