import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Runs `hook` before every attempt of `command` that reaches the wire. Added at the deserialize
 * step, i.e. inside the SDK's retry loop, so each retry is seen (and can be failed) on its own.
 */
export function onEachAttempt(client: DynamoDBClient, command: string, hook: (attempt: number) => void): () => void {
  const name = `faults${Math.random().toString(36).slice(2)}`;
  let attempt = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command) hook(++attempt);
      return next(args);
    },
    { step: "deserialize", name, priority: "high" },
  );
  return () => client.middlewareStack.remove(name);
}

/** An error shaped like the service's: the SDK's retry strategy classifies it by name and HTTP status. */
export function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} (injected by the fault-injecting middleware)`), {
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
  });
}
