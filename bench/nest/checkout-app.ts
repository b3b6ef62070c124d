import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Body, Controller, Inject, Module, Post, type INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { Dynamite } from "../../lib/core/index.js";
import { DynamiteModule, Transactional } from "../../lib/nest/index.js";
import { ORDERS_TABLE, USERS_TABLE } from "../data.js";
import { BENCH_MODELS, Order, User } from "../contenders/dynamite-models.js";

const RAW_DOC = Symbol("RAW_DOC");

interface CheckoutBody {
  email: string;
}

/** The same endpoint twice: nestjs-dynamite with `@Transactional()`, and hand-written TransactWriteItems. */
@Controller("checkout")
class CheckoutController {
  constructor(@Inject(RAW_DOC) private readonly doc: DynamoDBDocumentClient) {}

  @Post("dynamite")
  @Transactional()
  async viaDynamite(@Body() body: CheckoutBody): Promise<{ id: string }> {
    const user = await User.create({ id: randomUUID(), name: "Checkout", email: body.email, tier: "free", age: 30 });
    await Order.create({ id: randomUUID(), user_id: user.id, total: 10, status: "new" });
    await Order.create({ id: randomUUID(), user_id: user.id, total: 20, status: "new" });
    return { id: user.id };
  }

  @Post("raw")
  async viaRaw(@Body() body: CheckoutBody): Promise<{ id: string }> {
    const id = randomUUID();
    const put = (TableName: string, Item: Record<string, unknown>) => ({
      Put: { TableName, Item, ConditionExpression: "attribute_not_exists(id)" },
    });
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          put(USERS_TABLE, { id, name: "Checkout", email: body.email, tier: "free", age: 30 }),
          put(ORDERS_TABLE, { id: randomUUID(), user_id: id, total: 10, status: "new" }),
          put(ORDERS_TABLE, { id: randomUUID(), user_id: id, total: 20, status: "new" }),
        ],
      }),
    );
    return { id };
  }
}

/** A started checkout app on a loopback port, with the SDK clients of both endpoints. */
export interface CheckoutApp {
  url: string;
  dynamiteClient: DynamoDBClient;
  rawClient: DynamoDBClient;
  close(): Promise<void>;
}

/** Boots the checkout app (quiet) on 127.0.0.1 and a free port. */
export async function startCheckoutApp(clientConfig: DynamoDBClientConfig): Promise<CheckoutApp> {
  const rawClient = new DynamoDBClient(clientConfig);
  @Module({
    imports: [DynamiteModule.forRoot({ ...clientConfig, tables: BENCH_MODELS, retryAttempts: 0 })],
    controllers: [CheckoutController],
    providers: [{ provide: RAW_DOC, useValue: DynamoDBDocumentClient.from(rawClient) }],
  })
  class CheckoutModule {}
  const app: INestApplication = await NestFactory.create(CheckoutModule, { logger: false });
  await app.listen(0, "127.0.0.1");
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dynamiteClient: app.get(Dynamite).getClient(),
    rawClient,
    close: async () => {
      await app.close();
      rawClient.destroy();
    },
  };
}
