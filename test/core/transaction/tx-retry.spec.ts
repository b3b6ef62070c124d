import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { TransactionCanceledException, TransactionInProgressException } from "@aws-sdk/client-dynamodb";
import { Dynamite, TransactionError } from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";
import { Product, TABLES } from "./fixtures.js";
import { storedItem } from "./tx-helpers.js";

type Fault = (attempt: number, reasons: number) => Error | undefined;

/**
 * Injects faults DynamoDB Local cannot produce on demand: before a TransactWriteItems is sent, `fault`
 * may throw instead (the request then never reaches the database). Records every attempt's token.
 */
function injectFaults(dynamite: Dynamite) {
  const tokens: string[] = [];
  let fault: Fault = () => undefined;
  const name = `faultInjection${Math.random().toString(36).slice(2)}`;
  dynamite.getClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "TransactWriteItemsCommand") return next(args);
      const input = args.input as { ClientRequestToken: string; TransactItems: unknown[] };
      tokens.push(input.ClientRequestToken);
      const error = fault(tokens.length, input.TransactItems.length);
      if (error) throw error;
      return next(args);
    },
    { step: "initialize", name },
  );
  return {
    tokens,
    set: (next: Fault) => {
      fault = next;
      tokens.length = 0;
    },
    stop: () => dynamite.getClient().middlewareStack.remove(name),
  };
}

const cancelled = (code: string, count: number) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${code}]`,
    $metadata: {},
    CancellationReasons: Array.from({ length: count }, (_, i) => ({ Code: i === 0 ? code : "None" })),
  });

describe("idempotent retry of a transaction (fault-injecting middleware)", () => {
  let dynamite: Dynamite;
  let faults: ReturnType<typeof injectFaults>;
  beforeAll(async () => {
    dynamite = await createTestDynamite(TABLES, { transactionRetries: 2 });
    faults = injectFaults(dynamite);
  });
  beforeEach(() => faults.set(() => undefined));
  afterAll(() => {
    faults.stop();
    dynamite.disconnect();
  });

  it("fault-injecting middleware: a TransactionConflict on the first attempt is retried with the same token and applied exactly once", async () => {
    const counter = await Product.create({ id: "retry-counter", stock: 0 });
    faults.set((attempt, count) => (attempt === 1 ? cancelled("TransactionConflict", count) : undefined));
    await dynamite.tx(async () => {
      await counter.increment("stock", 1);
      await Product.create({ id: "retry-created" });
    });
    expect(faults.tokens).toHaveLength(2);
    expect(faults.tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(faults.tokens[1]).toBe(faults.tokens[0]);
    expect((await storedItem(dynamite, "products", { id: "retry-counter" }))?.stock).toBe(1);
    expect(counter.stock).toBe(1);
    expect(await storedItem(dynamite, "products", { id: "retry-created" })).toBeDefined();
  });

  it("fault-injecting middleware: throttling and TransactionInProgress are retried too; each tx() has its own token", async () => {
    faults.set((attempt, count) =>
      attempt === 1
        ? cancelled("ThrottlingError", count)
        : attempt === 2
          ? new TransactionInProgressException({ message: "in progress", $metadata: {} })
          : undefined,
    );
    await dynamite.tx(async () => Product.create({ id: "retry-throttled" }));
    const first = [...faults.tokens];
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(1);
    faults.set(() => undefined);
    await dynamite.tx(async () => Product.create({ id: "retry-other" }));
    expect(faults.tokens[0]).not.toBe(first[0]);
  });

  it("fault-injecting middleware: retries stop after transactionRetries, with a TransactionError and nothing written", async () => {
    faults.set((_, count) => cancelled("TransactionConflict", count));
    const error = await dynamite.tx(async () => Product.create({ id: "retry-never" })).catch((e) => e);
    expect(faults.tokens).toHaveLength(3); // the first attempt + transactionRetries: 2
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.message).toMatch(/after 3 attempts/);
    expect(error.reasons).toEqual([{ index: 0, model: "Product", key: { id: "retry-never" }, code: "TransactionConflict" }]);
    expect(error.conditionFailed).toBe(false);
    expect(await storedItem(dynamite, "products", { id: "retry-never" })).toBeUndefined();
  });

  it("a ConditionalCheckFailed cancellation (from DynamoDB Local) is not retried", async () => {
    await Product.create({ id: "retry-dup" });
    const error = await dynamite.tx(async () => Product.create({ id: "retry-dup" })).catch((e) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(faults.tokens).toHaveLength(1);
  });
});
