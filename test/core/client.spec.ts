import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  ConfigError,
  Dynamite,
  getGlobalClient,
  hasGlobalClient,
  HasMany,
  IndexSort,
  LocalIndex,
  PrimaryKey,
  requireClient,
  setGlobalClient,
  Table,
  type CreationOptional,
  type NonAttribute,
} from "../../lib/core/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";

class Account extends Table<Account> {
  @PrimaryKey({ type: Number }) declare id: CreationOptional<number>;
  declare name: string;
  @HasMany(() => Invoice, "account_id") declare invoices: NonAttribute<Invoice[]>;
}

/** A local index needs a table sort key: DynamoDB refuses this table. */
class Unsortable extends Table<Unsortable> {
  @PrimaryKey() declare id: string;
  @LocalIndex() declare rank: number;
}

class Invoice extends Table<Invoice> {
  @PrimaryKey() declare account_id: string;
  @IndexSort() declare number: number;
}

class NoKeys extends Table<NoKeys> {
  declare name: string;
}

describe("Dynamite client", () => {
  let dynamite: Dynamite;

  beforeAll(() => {
    dynamite = new Dynamite({ ...testClientConfig(), tables: [Account, Invoice] });
  });
  afterAll(() => dynamite.disconnect());

  it("connect() sets the global client, once", () => {
    setGlobalClient(undefined);
    expect(hasGlobalClient()).toBe(false);
    dynamite.connect();
    const client = getGlobalClient();
    dynamite.connect();
    expect(getGlobalClient()).toBe(client);
    expect(client).toBe(dynamite.getClient());
  });

  it("sync() creates typed keys, the HasMany GSI, and is safe to call twice", async () => {
    expect(dynamite.isReady()).toBe(false);
    await dynamite.sync();
    await dynamite.sync();
    expect(dynamite.isReady()).toBe(true);
    const { Table: accounts } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "accounts" }));
    expect(accounts?.AttributeDefinitions).toEqual([{ AttributeName: "id", AttributeType: "N" }]);
    expect(accounts?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    const { Table: invoices } = await dynamite.getClient().send(new DescribeTableCommand({ TableName: "invoices" }));
    expect(invoices?.KeySchema).toEqual([
      { AttributeName: "account_id", KeyType: "HASH" },
      { AttributeName: "number", KeyType: "RANGE" },
    ]);
    // the GSI of Account.invoices is keyed by the child's foreign key, which is already its partition key: none needed
    expect(invoices?.GlobalSecondaryIndexes ?? []).toEqual([]);
    expect(invoices?.TableStatus).toBe("ACTIVE");
  });

  it("a model without key decorators fails sync() naming the class", async () => {
    const broken = new Dynamite({ ...testClientConfig(), tables: [NoKeys] });
    broken.connect();
    await expect(broken.sync()).rejects.toThrow(/not registered in wrapper.*NoKeys|NoKeys.*not registered in wrapper/);
    broken.disconnect();
  });

  it("disconnect() clears the global client, is safe twice and resets isReady()", () => {
    const other = new Dynamite({ ...testClientConfig(), tables: [] });
    other.connect();
    other.disconnect();
    other.disconnect();
    expect(hasGlobalClient()).toBe(false);
    expect(other.isReady()).toBe(false);
  });

  it("sync() treats a table created meanwhile (ResourceInUseException) as done, and rethrows any other CreateTable error", async () => {
    const config = testClientConfig();
    // two clients syncing the same new table at once: one CreateTable loses with ResourceInUseException
    const first = new Dynamite({ ...config, tables: [Account] });
    const second = new Dynamite({ ...config, tables: [Account] });
    first.connect();
    const plans = await Promise.all([first.sync(), second.sync()]);
    expect(plans.map((plan) => plan.changes.some((change) => change.kind === "createTable"))).toEqual([true, true]);
    expect(second.isReady()).toBe(false); // never connected, but its sync() resolved
    first.disconnect();
    second.disconnect();
    // DynamoDB refuses a local index on a table without a sort key: that error reaches the caller
    const refused = new Dynamite({ ...testClientConfig(), tables: [Unsortable] });
    refused.connect();
    await expect(refused.sync()).rejects.toMatchObject({ name: "ValidationException" });
    expect(refused.isReady()).toBe(false);
    refused.disconnect();
  });

  it("passes SDK config through and maps requestTimeout onto the HTTP handler", async () => {
    const configured = new Dynamite({ ...testClientConfig(), tables: [], maxAttempts: 7, requestTimeout: 1234 });
    const client = configured.getClient();
    expect(await client.config.maxAttempts()).toBe(7);
    const handlerConfig = await (client.config.requestHandler as any).configProvider;
    expect(handlerConfig.requestTimeout).toBe(1234);
    configured.disconnect();
  });

  it("requireClient() without a client throws the reference's sentence and what to call", () => {
    setGlobalClient(undefined);
    expect(() => requireClient()).toThrow(ConfigError);
    expect(() => requireClient()).toThrow(/^DynamoDB client no configurado\. Use Dynamite\.connect\(\) primero\./);
    expect(() => getGlobalClient()).toThrow(/call connect\(\).*DynamiteModule\.forRoot\(\)/);
  });
});
