import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Dynamite, PrimaryKey, RequestTimeoutError, Table } from "../../lib/core/index.js";

class Beacon extends Table<Beacon> {
  @PrimaryKey() declare id: string;
  declare label?: string;
}

const REQUEST_TIMEOUT = 300;
const MAX_ATTEMPTS = 2;
// the SDK's retry backoff between attempts plus scheduling on a busy machine
const MARGIN = 1_500;

/**
 * A loopback TCP server that accepts every connection and never answers a byte (DynamoDB Local
 * cannot be told to hang, so this stands in for an endpoint that stopped answering).
 */
function silentServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.resume(); // read the request, say nothing
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port, sockets })),
  );
}

describe("requestTimeout bounds every request (against a silent loopback server, not DynamoDB Local)", () => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let dynamite: Dynamite;

  beforeAll(async () => {
    silent = await silentServer();
    dynamite = new Dynamite({
      endpoint: `http://127.0.0.1:${silent.port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: MAX_ATTEMPTS,
      requestTimeout: REQUEST_TIMEOUT,
      tables: [Beacon],
    });
    dynamite.connect();
  });

  afterAll(async () => {
    dynamite.disconnect();
    for (const socket of silent.sockets) socket.destroy();
    await new Promise((resolve) => silent.server.close(resolve));
  });

  it.each<[string, () => Promise<unknown>]>([
    ["a key read (GetItem)", () => Beacon.first({ id: "b1" })],
    ["a Scan", () => Beacon.where({ label: "x" })],
    ["a write (create)", () => Beacon.create({ id: "b1" })],
    ["a batch write (createMany)", () => Beacon.createMany([{ id: "b1" }, { id: "b2" }])],
    ["a transaction (tx)", () => dynamite.tx(async () => void (await Beacon.create({ id: "b1" })))],
    ["sync()", () => dynamite.sync()],
    [
      "a request of the application (getClient().send)",
      () => dynamite.getClient().send(new GetItemCommand({ TableName: "beacons", Key: { id: { S: "b1" } } })),
    ],
  ])("%s fails with a RequestTimeoutError within requestTimeout × maxAttempts + margin", async (_label, call) => {
    const started = Date.now();
    const error = await Promise.resolve()
      .then(call)
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    const elapsed = Date.now() - started;
    // batch writes report their rows in a BatchWriteError whose cause is the timeout
    const timeout = error instanceof RequestTimeoutError ? error : (error as Error | undefined)?.cause;
    expect(timeout).toBeInstanceOf(RequestTimeoutError);
    expect((timeout as RequestTimeoutError).message).toMatch(/got no answer within requestTimeout 300 ms/);
    expect((timeout as RequestTimeoutError).attempts).toBe(MAX_ATTEMPTS);
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT * MAX_ATTEMPTS - 50);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT * MAX_ATTEMPTS + MARGIN);
  });

  it("adds one middleware to the client: telemetry and request timeouts are the same one (each one more is resolved on every request)", () => {
    const ours = dynamite
      .getClient()
      .middlewareStack.identify()
      .filter((entry) => entry.toLowerCase().includes("dynamite"));
    expect(ours).toEqual(["dynamiteTelemetry - initialize"]);
  });
});
