import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ConfigError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from "./client-options.js";
import { getGlobalClient } from "./global-client.js";

/** What the engine needs to send a model's requests. */
export interface EngineContext {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  options: EngineOptions;
}

/** Something a model can be bound to (a Dynamite instance). */
export interface ContextSource {
  engineContext(): EngineContext | undefined;
  /** Names the client and why it cannot send, for the error of a model bound to it (e.g. `Dynamite "shop", never connected`). */
  describeUnavailable(): string;
}

const bindings = new Map<Function, ContextSource>();
const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();
const globalOptions = new WeakMap<DynamoDBClient, EngineOptions>();

/**
 * Document client over a raw client; one per raw client, so middleware added to it is shared. The
 * engine sends its own requests through it as low-level commands (`engine/send-request` converts the
 * values); its marshalling options apply to document-client commands sent through it directly.
 */
export function documentClientFor(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = documentClients.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
    });
    documentClients.set(client, doc);
  }
  return doc;
}

/** Records engine options for a raw client (used when it becomes the global client). */
export function setEngineOptionsFor(client: DynamoDBClient, options: EngineOptions): void {
  globalOptions.set(client, options);
}

export function bindModel(model: Function, source: ContextSource): void {
  bindings.set(model, source);
}

export function unbindModel(model: Function, source: ContextSource): void {
  if (bindings.get(model) === source) bindings.delete(model);
}

/**
 * The client of a model: the one it is registered on, or the global client for a model registered
 * on none. A registered model never falls back to another client: while its own is not connected,
 * using it is a ConfigError (nothing is sent), so it cannot write into another database.
 */
export function contextFor(model: ModelMetadata | Function): EngineContext {
  const target = typeof model === "function" ? model : model.target;
  const source = bindings.get(target);
  if (source) {
    const bound = source.engineContext();
    if (bound) return bound;
    throw new ConfigError(
      `${target.name} is registered on ${source.describeUnavailable()}; a model only uses its own client, ` +
        "so nothing was sent. Call connect() on that client first (or register the model on a connected one).",
    );
  }
  const client = getGlobalClient();
  return { client, doc: documentClientFor(client), options: globalOptions.get(client) ?? DEFAULT_ENGINE_OPTIONS };
}
