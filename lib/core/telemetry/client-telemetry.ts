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
    private readonly requestTimeout?: number,
  ) {
    this.tableModels = new TableModels(ownTables);
  }

  /** Adds the telemetry middleware (which also types request timeouts) to a new SDK client and returns it. */
  instrument<C extends DynamoDBClient>(client: C): C {
    const { totals, tableModels, onRequest, warn, requestTimeout } = this;
    installTelemetry(client, { totals, tableModels, onRequest, warn, requestTimeout });
    return client;
  }
}
