import type { Dynamite } from "../../core/index.js";

// @Transactional() wraps methods at class-definition time, outside dependency injection, so it finds
// the open connection of a name here; the core module records it when connected and removes it on shutdown.
const connections = new Map<string, Dynamite>();

export function registerConnection(name: string, dynamite: Dynamite): void {
  connections.set(name, dynamite);
}

export function unregisterConnection(name: string, dynamite: Dynamite): void {
  if (connections.get(name) === dynamite) connections.delete(name);
}

/** The connected `Dynamite` of a connection name, if its module is initialized. */
export function findConnection(name: string): Dynamite | undefined {
  return connections.get(name);
}
