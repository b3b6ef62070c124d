import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { ConfigError } from "./errors/core-errors.js";
import { requireModelMetadata } from "./metadata/registry.js";
import type { TransactionContext } from "./transaction/transaction-context.js";
import { DomainEvents } from "./transaction/domain-events.js";
import { runWithPropagation, type MaybeTransactional } from "./transaction/propagated-transaction.js";
import type { JoiningPropagation, TxOptions } from "./transaction/propagation.js";
import type { ModelClass } from "./metadata/model-types.js";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type OnScan } from "./engine/client-options.js";
import { bindModel, documentClientFor, setEngineOptionsFor, unbindModel, type EngineContext } from "./engine/engine-context.js";
import { getGlobalClient, hasGlobalClient, setGlobalClient } from "./engine/global-client.js";
import { timeoutHandlerOptions } from "./engine/request-timeout.js";
import { planSchema, syncSchema } from "./schema/sync-schema.js";
import { namedPivotsOf } from "./decorators/named-pivot.js";
import type { SyncOptions, SyncPlan } from "./schema/sync-plan.js";
import type { RequestListener } from "./telemetry/request-event.js";
import type { RequestTotals } from "./telemetry/request-totals.js";
import { ClientTelemetry } from "./telemetry/client-telemetry.js";
import { traced } from "./telemetry/traced.js";

/** The reference's configuration: the SDK's client config plus the model classes. */
export interface DynamiteConfig extends DynamoDBClientConfig {
  tables: ModelClass[];
  /** A name for this client in error messages (the Nest connection name); defaults to its tables. */
  name?: string;
  /** Request timeout in ms (sets the HTTP handler's `requestTimeout`). */
  requestTimeout?: number;
  /** What to do when a read can only be served by a Scan (default "allow"). */
  onScan?: OnScan;
  /** Concurrent requests of one include or batch (default 16). */
  concurrency?: number;
  /** Retries of a transaction cancelled by a conflict or throttling (default 3). */
  transactionRetries?: number;
  /** Where warnings go (onScan: "warn", sync drift); default `process.emitWarning`. */
  warn?: (message: string) => void;
  /** Called after every request an ORM operation sends, with what it read and cost (see "Observability" in the README). */
  onRequest?: RequestListener;
}

/**
 * Owns one DynamoDB connection and the tables registered on it.
 * @example const db = new Dynamite({ region: "us-east-1", tables: [User] }); db.connect(); await db.sync();
 */
export class Dynamite {
  private client?: DynamoDBClient;
  private readonly tables = new Set<ModelClass>();
  private readonly sdkConfig: DynamoDBClientConfig;
  private readonly engineOptions: EngineOptions;
  private readonly telemetry: ClientTelemetry;
  private connected = false;
  private everConnected = false;
  private synced = false;
  private readonly name?: string;
  /** Domain events of this connection: delivered after the commit of the transaction they are published in. */
  readonly events: DomainEvents;

  constructor(config: DynamiteConfig) {
    if (!config || !Array.isArray(config.tables)) {
      throw new ConfigError("new Dynamite(config) needs config.tables: an array of model classes (may be empty)");
    }
    const { tables, name, requestTimeout, onScan, concurrency, transactionRetries, warn, onRequest, ...sdkConfig } = config;
    this.name = name;
    this.sdkConfig =
      requestTimeout === undefined
        ? sdkConfig
        : { ...sdkConfig, requestHandler: sdkConfig.requestHandler ?? timeoutHandlerOptions(requestTimeout) };
    this.engineOptions = {
      ...DEFAULT_ENGINE_OPTIONS,
      ...(onScan && { onScan }),
      ...(concurrency && { concurrency }),
      ...(transactionRetries !== undefined && { transactionRetries }),
      ...(warn && { warn }),
    };
    this.telemetry = new ClientTelemetry(this.tables, this.engineOptions.warn, onRequest, requestTimeout);
    this.registerTables(tables);
    this.events = new DomainEvents({
      documentClient: () => this.engineContext()?.doc,
      onError: (error, event) =>
        this.engineOptions.warn(
          `Dynamite: delivering event "${event.name}" failed: ${(error as Error)?.message ?? String(error)}`,
        ),
    });
  }

  /** Adds tables after construction (used by `DynamiteModule.forFeature`); they are bound to this client. */
  registerTables(tables: ModelClass[]): void {
    for (const table of tables) {
      if (typeof table !== "function") throw new ConfigError(`config.tables holds ${String(table)}, which is not a model class`);
      // a pivot table given by name belongs to the client of the models that name it
      for (const model of [table, ...namedPivotsOf(table)]) {
        this.tables.add(model);
        bindModel(model, this);
      }
    }
    if (tables.length) this.synced = false;
  }

  /** The registered model classes. */
  getTables(): ModelClass[] {
    return [...this.tables];
  }

  /** Sets this client as the global client; idempotent. */
  connect(): void {
    if (this.connected) return;
    setGlobalClient(this.getClient());
    this.connected = true;
    this.everConnected = true;
  }

  /**
   * Creates missing tables (PAY_PER_REQUEST) with their indexes, adds missing GSIs to existing tables
   * (one at a time, waiting for ACTIVE), enables TTL; idempotent. Never drops or changes anything:
   * drift it will not fix goes to the `warn` option. Returns what it did; `{ dryRun: true }` = `plan()`.
   */
  @traced("sync", "other", false)
  async sync(options: SyncOptions = {}): Promise<SyncPlan> {
    if (options.dryRun) return this.plan();
    const client = this.getClient();
    const models = [...this.tables].map((table) => requireModelMetadata(table));
    const plan = await syncSchema(client, models, this.engineOptions.warn);
    this.synced = true;
    return plan;
  }

  /** The changes `sync()` would make (create table, add index, enable TTL) and the drift it would warn about; changes nothing. */
  @traced("plan", "other", false)
  async plan(): Promise<SyncPlan> {
    const models = [...this.tables].map((table) => requireModelMetadata(table));
    return planSchema(this.getClient(), models);
  }

  /** The underlying SDK client (created on first use). */
  getClient(): DynamoDBClient {
    this.client ??= this.telemetry.instrument(new DynamoDBClient(this.sdkConfig));
    setEngineOptionsFor(this.client, this.engineOptions);
    return this.client;
  }

  /** True once both `connect()` and `sync()` have completed. */
  isReady(): boolean {
    return this.connected && this.synced;
  }

  /** Destroys the SDK client, resets the state and clears the global client if it was this one; safe twice. */
  disconnect(): void {
    if (this.client) {
      if (hasGlobalClient() && getGlobalClient() === this.client) setGlobalClient(undefined);
      try {
        this.client.destroy();
      } catch (error) {
        this.engineOptions.warn(`Dynamite: destroying the DynamoDB client failed: ${(error as Error).message}`);
      }
    }
    this.client = undefined;
    this.connected = false;
    this.synced = false;
  }

  /**
   * Runs `callback` in a transaction: its writes are sent together in one TransactWriteItems.
   * `propagation` says how to treat a transaction already open (default REQUIRED: join it).
   * @example await dynamite.tx(() => Audit.create(entry), { propagation: "REQUIRES_NEW" });
   */
  tx<R>(callback: (tx: TransactionContext) => Promise<R>, options?: TxOptions<JoiningPropagation>): Promise<R>;
  /** SUPPORTS, NOT_SUPPORTED and NEVER may run the callback without a transaction (`tx` undefined). */
  tx<R>(callback: MaybeTransactional<R>, options?: TxOptions): Promise<R>;
  @traced("tx", "other", false)
  async tx<R>(callback: MaybeTransactional<R> | ((tx: TransactionContext) => Promise<R>), options?: TxOptions): Promise<R> {
    return runWithPropagation(this.engineContextOrThrow(), callback as MaybeTransactional<R>, options);
  }

  /**
   * What the requests of ORM operations on this client cost since it was created, by model:
   * requests, errors, retries, items read and returned, consumed capacity.
   * @example const { User } = dynamite.requestTotals(); // { requests: 3, itemsRead: 12, ... }
   */
  requestTotals(): RequestTotals {
    return this.telemetry.totals.snapshot();
  }

  /** The context models bound to this client use; undefined until connected. */
  engineContext(): EngineContext | undefined {
    if (!this.connected || !this.client) return undefined;
    return { client: this.client, doc: documentClientFor(this.client), options: this.engineOptions };
  }

  /** Which client this is and why it cannot send (used in the ConfigError of its models). */
  describeUnavailable(): string {
    const tables = [...this.tables].map((table) => table.name).join(", ");
    const label = this.name === undefined ? `the Dynamite client of [${tables}]` : `the Dynamite client "${this.name}"`;
    return `${label}, which ${this.everConnected ? "was disconnected" : "was never connected"}`;
  }

  /** Unbinds this client's tables (they fall back to the global client). */
  release(): void {
    for (const table of this.tables) unbindModel(table, this);
  }

  private engineContextOrThrow(): EngineContext {
    const context = this.engineContext();
    if (!context) {
      throw new ConfigError(
        `Dynamite.tx() needs a connected client, but this is ${this.describeUnavailable()}: call connect() first`,
      );
    }
    return context;
  }
}
