import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { RequestListener } from "./request-event.js";
import { RequestTotalsCounter } from "./request-totals.js";
import { TableModels } from "./table-models.js";
import { installTelemetry } from "./telemetry-middleware.js";

/** One client's request totals and hook, kept across reconnects (a new SDK client is instrumented the same way). */
export class ClientTelemetry {
  readonly totals = new RequestTotalsCounter();
  private readonly tableModels: TableModels;

  constructor(
    ownTables: ReadonlySet<Function>,
    private readonly warn: (message: string) => void,
    private readonly onRequest?: RequestListener,
  ) {
    this.tableModels = new TableModels(ownTables);
  }

  /** Adds the telemetry middleware to a new SDK client and returns it. */
  instrument<C extends DynamoDBClient>(client: C): C {
    installTelemetry(client, { totals: this.totals, tableModels: this.tableModels, onRequest: this.onRequest, warn: this.warn });
    return client;
  }
}
