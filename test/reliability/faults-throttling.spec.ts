import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BatchWriteError, Dynamite } from "../../lib/core/index.js";
import { createTestDynamite } from "../helpers/test-dynamite.js";
import { Ledger } from "./faults/fault-models.js";
import { onEachAttempt, serviceError } from "./faults/middleware.js";

describe("faults: throttling and 5xx from a fault-injecting middleware follow the SDK's retry settings", () => {
  let dynamite: Dynamite;
  beforeAll(async () => {
    dynamite = await createTestDynamite([Ledger], { maxAttempts: 3 });
  });
  afterAll(() => dynamite.disconnect());

  /** Fails the first `failures` attempts of `command` with `error()`, counting every attempt. */
  function inject(command: string, failures: number, error: () => Error) {
    const seen = { attempts: 0 };
    const remove = onEachAttempt(dynamite.getClient(), command, (attempt) => {
      seen.attempts = attempt;
      if (attempt <= failures) throw error();
    });
    return { seen, remove };
  }

  it("a throttled PutItem is retried and succeeds on the 3rd attempt (maxAttempts 3): one row", async () => {
    const { seen, remove } = inject("PutItemCommand", 2, () => serviceError("ThrottlingException", 400));
    await Ledger.create({ id: "retried", amount: 1 });
    remove();
    expect(seen.attempts).toBe(3);
    expect(await Ledger.count({ id: "retried" })).toBe(1);
  });

  it("a 500 on every attempt surfaces after exactly maxAttempts as the SDK's typed service error; nothing written", async () => {
    const { seen, remove } = inject("PutItemCommand", 99, () => serviceError("InternalServerError", 500));
    const error = (await Ledger.create({ id: "never", amount: 1 }).catch((e: unknown) => e)) as Error & {
      $metadata: { attempts: number };
    };
    remove();
    expect(seen.attempts).toBe(3);
    expect(error.name).toBe("InternalServerError");
    expect(error.$metadata.attempts).toBe(3);
    expect(await Ledger.first({ id: "never" })).toBeUndefined();
  });

  it("throttling of every BatchWriteItem attempt: createMany throws a BatchWriteError naming all the rows of the throttled requests", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, amount: i }));
    const { seen, remove } = inject("BatchWriteItemCommand", 99, () =>
      serviceError("ProvisionedThroughputExceededException", 400),
    );
    const error = await Ledger.createMany(rows).catch((e: unknown) => e);
    remove();
    expect(error).toBeInstanceOf(BatchWriteError);
    expect((error as BatchWriteError).keys).toHaveLength(60);
    expect(((error as BatchWriteError).cause as Error).name).toBe("ProvisionedThroughputExceededException");
    expect(seen.attempts % 3).toBe(0); // each request that started used all 3 attempts
    expect(await Ledger.count({ id: { "begins-with": "b" } })).toBe(0);
  });

  it("a transaction throttled twice is retried by the SDK and commits once", async () => {
    const { seen, remove } = inject("TransactWriteItemsCommand", 2, () => serviceError("ThrottlingException", 400));
    await dynamite.tx(async () => {
      await Ledger.create({ id: "tx1", amount: 1 });
      await Ledger.create({ id: "tx2", amount: 2 });
    });
    remove();
    expect(seen.attempts).toBe(3);
    expect(await Ledger.count({ id: ["tx1", "tx2"] })).toBe(2);
  });
});
