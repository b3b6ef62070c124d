import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { PrimaryKey, ScanRefusedError, Table, type Dynamite } from "../../../lib/core/index.js";
import { recordRequests } from "../../helpers/request-recorder.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";

class Memo extends Table<Memo> {
  @PrimaryKey() declare id: string;
  declare topic: string;
}

describe("onScan client option", () => {
  let dynamite: Dynamite;
  const warnings: string[] = [];

  beforeAll(async () => {
    dynamite = await createTestDynamite([Memo], { onScan: "error" });
    await Memo.createMany([{ id: "1", topic: "a" }]);
  });
  afterAll(() => dynamite.disconnect());

  it('"error" refuses a Scan before sending it, and lets key reads through', async () => {
    const recorder = recordRequests(dynamite.getClient());
    await expect(Memo.where({ topic: "a" })).rejects.toThrow(ScanRefusedError);
    await expect(Memo.count({ topic: "a" })).rejects.toThrow(/Memo.*Scan/);
    expect(recorder.requests).toHaveLength(0);
    expect((await Memo.first({ id: "1" }))?.topic).toBe("a");
    recorder.stop();
  });

  it('"warn" calls the warn hook and still answers', async () => {
    const warned = await createTestDynamite([Memo], { onScan: "warn", warn: (message) => warnings.push(message) });
    await Memo.createMany([{ id: "2", topic: "b" }]);
    expect((await Memo.where({ topic: "b" })).map((m) => m.id)).toEqual(["2"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Memo.*topic.*Scan/);
    // a key read needs no Scan: nothing more to warn about
    expect((await Memo.first({ id: "2" }))?.topic).toBe("b");
    expect(warnings).toHaveLength(1);
    warned.disconnect();
  });
});
