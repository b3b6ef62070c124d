import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { INestMicroservice } from "@nestjs/common";
import { ClientProxyFactory, Transport, type ClientProxy } from "@nestjs/microservices";
import { Test } from "@nestjs/testing";
import { lastValueFrom } from "rxjs";
import { Dynamite, DynamiteModule } from "../../../lib/index.js";
import { findFreePort } from "../../../lib/testing/index.js";
import { recordRequests, type RequestRecorder } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";
import { writesOf } from "./write-requests.js";
import { OrderMessagesModule } from "../src/microservice.module.js";
import { Order } from "../src/models.js";

describe("transactions in a @nestjs/microservices TCP message handler (loopback)", () => {
  let service: INestMicroservice;
  let client: ClientProxy;
  let recorder: RequestRecorder;
  const writes = () => writesOf(recorder);
  const send = <T>(pattern: string, data: object) => lastValueFrom(client.send<T>(pattern, data));
  const totalsOf = async (user: string) => (await Order.where({ user_id: user })).map((o) => o.total).sort();

  beforeAll(async () => {
    const port = await findFreePort();
    const moduleRef = await Test.createTestingModule({
      imports: [DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), OrderMessagesModule],
    }).compile();
    service = moduleRef.createNestMicroservice({ transport: Transport.TCP, options: { host: "127.0.0.1", port }, logger: false });
    await service.listen();
    recorder = recordRequests(service.get(Dynamite).getClient());
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: "127.0.0.1", port } });
    await client.connect();
  });
  beforeEach(() => recorder.reset());
  afterAll(async () => {
    recorder?.stop();
    await client?.close();
    await service?.close();
  });

  it("@UseInterceptors(DynamiteTransactionInterceptor) on a @MessagePattern: one TransactWriteItems of 2, then the reply", async () => {
    const reply = await send("orders.intercepted", { user: "ms-int" });
    expect(reply).toEqual({ ok: true, inTransaction: true });
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
    expect(await totalsOf("ms-int")).toEqual([1, 2]);
  });

  it("@Transactional() on a @MessagePattern: one TransactWriteItems of 2", async () => {
    expect(await send("orders.decorated", { user: "ms-dec" })).toEqual({ ok: true, inTransaction: true });
    expect(writes()).toEqual([["TransactWriteItemsCommand", 2]]);
  });

  it("a message handler that throws after 2 writes: the client gets the error, nothing is written (0 requests)", async () => {
    for (const pattern of ["orders.intercepted", "orders.decorated"]) {
      const error = await send(pattern, { user: `ms-fail-${pattern}`, fail: true }).catch((e) => e);
      expect(error).toMatchObject({ status: "error", message: "failed on purpose" });
      expect(await totalsOf(`ms-fail-${pattern}`)).toEqual([]);
    }
    expect(writes()).toEqual([]);
  });

  it("a transaction DynamoDB cancels reaches the client as an error naming the conflict, not a crash of the transport", async () => {
    await send("orders.duplicate", { id: "ms-dup" });
    const error = (await send("orders.duplicate", { id: "ms-dup" }).catch((e) => e)) as { message: string };
    expect(error).toMatchObject({ status: "error", statusCode: 409, error: "Conflict" });
    expect(error.message).toMatch(/Transaction cancelled/);
    expect(writes().map(([command]) => command)).toEqual(["TransactWriteItemsCommand", "TransactWriteItemsCommand"]);
    expect(await send("orders.decorated", { user: "ms-after" })).toEqual({ ok: true, inTransaction: true });
  });
});
