import autocannon from "autocannon";
import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { Meter } from "../metrics.js";
import type { ScenarioResult } from "../runner.js";
import { startCheckoutApp } from "./checkout-app.js";

type Endpoint = "dynamite" | "raw";

interface Totals {
  requests: number;
  non2xx: number;
  durationMs: number;
  latencyP50: number[];
  latencyP97: number[];
  meter: ReturnType<Meter["take"]>;
}

function run(url: string, amount: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.com" }),
    amount,
    connections,
  });
}

/**
 * The Nest HTTP scenario: autocannon on loopback against the `@Transactional()` endpoint and the
 * raw TransactWriteItems endpoint of the same app, alternating, a bounded number of requests each.
 */
export async function runHttpScenario(
  clientConfig: DynamoDBClientConfig,
  options: { amount: number; rounds: number; connections: number },
): Promise<ScenarioResult[]> {
  const app = await startCheckoutApp(clientConfig);
  const meters: Record<Endpoint, Meter> = { dynamite: new Meter(app.dynamiteClient), raw: new Meter(app.rawClient) };
  const totals = {} as Record<Endpoint, Totals>;
  try {
    const order: Endpoint[] = ["dynamite", "raw"];
    for (const endpoint of order)
      await run(`${app.url}/checkout/${endpoint}`, Math.ceil(options.amount / 4), options.connections); // warm-up
    for (const endpoint of order) meters[endpoint].take();
    for (let round = 0; round < options.rounds; round++) {
      for (const endpoint of round % 2 ? [...order].reverse() : order) {
        const result = await run(`${app.url}/checkout/${endpoint}`, options.amount, options.connections);
        const total = (totals[endpoint] ??= {
          requests: 0,
          non2xx: 0,
          durationMs: 0,
          latencyP50: [],
          latencyP97: [],
          meter: Meter.empty(),
        });
        total.requests += result.requests.total;
        total.non2xx += result.non2xx + result.errors;
        total.durationMs += result.duration * 1000;
        total.latencyP50.push(result.latency.p50);
        total.latencyP97.push(result.latency.p97_5);
        const counts = meters[endpoint].take();
        total.meter.requests += counts.requests;
        total.meter.itemsRead += counts.itemsRead;
        total.meter.capacityUnits += counts.capacityUnits;
        for (const [command, n] of Object.entries(counts.byCommand))
          total.meter.byCommand[command] = (total.meter.byCommand[command] ?? 0) + n;
      }
    }
  } finally {
    await app.close();
  }
  return (["raw", "dynamite"] as Endpoint[]).map((endpoint) => toResult(endpoint, totals[endpoint]));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);

function toResult(endpoint: Endpoint, total: Totals): ScenarioResult {
  const per = (n: number) => (total.requests ? n / total.requests : 0);
  return {
    scenario: "http-checkout",
    contender: endpoint === "raw" ? "raw" : "nestjs-dynamite",
    supported: true,
    operations: total.requests,
    requestsPerOp: per(total.meter.requests),
    itemsReadPerOp: per(total.meter.itemsRead),
    itemsReturnedPerOp: 0,
    capacityPerOp: per(total.meter.capacityUnits),
    commands: Object.fromEntries(Object.entries(total.meter.byCommand).map(([command, n]) => [command, per(n)])),
    medianMs: mean(total.latencyP50),
    p95Ms: mean(total.latencyP97),
    opsPerSec: (total.requests * 1000) / total.durationMs,
    ...(total.non2xx && { error: `${total.non2xx} responses were not 2xx` }),
  };
}
