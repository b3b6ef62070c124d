import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ConfigError } from "../errors/core-errors.js";

/** Kept word for word from the client reference: users' code matches on it. */
export const NO_CLIENT_MESSAGE =
  "DynamoDB client no configurado. Use Dynamite.connect() primero. " +
  "No DynamoDB client is configured: call connect() on a Dynamite instance or import DynamiteModule.forRoot().";

let globalClient: DynamoDBClient | undefined;

/** Sets the client static Table calls use when their model is not bound to a connected Dynamite. */
export function setGlobalClient(client: DynamoDBClient | undefined): void {
  globalClient = client;
}

/** The global client; throws a ConfigError when none is set. */
export function getGlobalClient(): DynamoDBClient {
  if (!globalClient) throw new ConfigError(NO_CLIENT_MESSAGE);
  return globalClient;
}

export function hasGlobalClient(): boolean {
  return globalClient !== undefined;
}

/** Like {@link getGlobalClient}; the name the reference uses in examples. */
export function requireClient(): DynamoDBClient {
  return getGlobalClient();
}
