import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { markEngineSends } from "../telemetry/orm-requests.js";
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
}

const bindings = new Map<Function, ContextSource>();
const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();
const globalOptions = new WeakMap<DynamoDBClient, EngineOptions>();

/** Document client over a raw client; one per raw client, so middleware added to it is shared. */
export function documentClientFor(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = documentClients.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
    });
    markEngineSends(doc);
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

/** The bound client of a model when it is connected, else the global client. */
export function contextFor(model: ModelMetadata | Function): EngineContext {
  const target = typeof model === "function" ? model : model.target;
  const bound = bindings.get(target)?.engineContext();
  if (bound) return bound;
  const client = getGlobalClient();
  return { client, doc: documentClientFor(client), options: globalOptions.get(client) ?? DEFAULT_ENGINE_OPTIONS };
}
