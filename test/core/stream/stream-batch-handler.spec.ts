import "reflect-metadata";
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Attribute, Model, PrimaryKey, Table, createStreamHandler, type ChangeRecord } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { readStream, streamArnOf, toLambdaRecord } from "../../helpers/stream-records.js";

@Model({ stream: "NEW_AND_OLD_IMAGES" })
class LambdaItem extends Table<LambdaItem> {
  @PrimaryKey() declare id: string;
  @Attribute() declare n: number;
}

describe("createStreamHandler (Lambda partial batch responses)", () => {
  const db = useTestDatabase([LambdaItem]);
  let event: { Records: Array<Record<string, any>> };

  beforeAll(async () => {
    for (const id of ["a", "b", "c"]) await LambdaItem.create({ id, n: 1 });
    await LambdaItem.update({ n: 2 }, { id: "a" });
    const client = db.dynamite.getClient();
    const arn = await streamArnOf(client, "lambda_items");
    event = { Records: (await readStream(client, "lambda_items")).map((record) => toLambdaRecord(record, arn)) };
  });

  it("hands every record, in order, to onChange and reports no failure", async () => {
    const seen: string[] = [];
    const handler = createStreamHandler([LambdaItem], (change: ChangeRecord<LambdaItem>) => {
      seen.push(`${change.type}:${change.key.id}:${change.newImage?.n}`);
    });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(["insert:a:1", "insert:b:1", "insert:c:1", "modify:a:2"]);
  });

  it("stops at the first failing record and reports its sequence number; later records wait for the retry", async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const handler = createStreamHandler(
      [LambdaItem],
      (change) => {
        if (change.key.id === "b") throw new Error("search index down");
        seen.push(change.key.id as string);
      },
      { onError: (error) => errors.push(error) },
    );
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1].dynamodb.SequenceNumber }] });
    expect(seen).toEqual(["a"]);
    expect(errors).toEqual([new Error("search index down")]);
  });

  it("an unreadable record is a failure of that record, not of the batch before it", async () => {
    const seen: string[] = [];
    const broken: Record<string, any> = { ...event.Records[2], eventName: "UPSERT" };
    const handler = createStreamHandler([LambdaItem], (change) => void seen.push(change.key.id as string), {
      onError: () => undefined,
    });
    const result = await handler({ Records: [event.Records[0], broken, event.Records[3]] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: broken.dynamodb.SequenceNumber }] });
    expect(seen).toEqual(["a"]);
  });

  it("without onError the failure is emitted as a process warning (Lambda logs it)", async () => {
    const emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const handler = createStreamHandler([LambdaItem], () => {
        throw new Error("boom");
      });
      await handler({ Records: [event.Records[0]] });
      expect(emitWarning.mock.calls.map(([message]) => message)).toEqual(["Dynamite stream handler: boom"]);
    } finally {
      emitWarning.mockRestore();
    }
  });
});
