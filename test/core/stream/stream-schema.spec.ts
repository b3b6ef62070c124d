import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import { DescribeTableCommand, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { ConfigError, Dynamite, Model, Name, PrimaryKey, Table } from "../../../lib/core/index.js";
import { applyChange } from "../../../lib/core/schema/apply-change.js";
import { requireModelMetadata } from "../../../lib/core/metadata/registry.js";
import { recordRequests } from "../../helpers/request-recorder.js";
import { testClientConfig } from "../../helpers/test-dynamite.js";

@Name("gadgets")
class PlainGadget extends Table<PlainGadget> {
  @PrimaryKey() declare id: string;
}

@Name("gadgets")
@Model({ stream: "NEW_AND_OLD_IMAGES" })
class StreamedGadget extends Table<StreamedGadget> {
  @PrimaryKey() declare id: string;
}

@Name("gadgets")
@Model({ stream: true })
class DefaultStreamGadget extends Table<DefaultStreamGadget> {
  @PrimaryKey() declare id: string;
}

@Name("gadgets")
@Model({ stream: "KEYS_ONLY" })
class KeysOnlyGadget extends Table<KeysOnlyGadget> {
  @PrimaryKey() declare id: string;
}

const clients: Dynamite[] = [];
function connect(tables: Function[], key: string, warnings: string[] = []) {
  const dynamite = new Dynamite({ ...testClientConfig(key), tables: tables as never, warn: (message) => warnings.push(message) });
  dynamite.connect();
  clients.push(dynamite);
  return dynamite;
}
const freshKey = () => `s${randomUUID().replaceAll("-", "")}`;
const streamOf = async (dynamite: Dynamite) =>
  (await dynamite.getClient().send(new DescribeTableCommand({ TableName: "gadgets" }))).Table?.StreamSpecification;

describe("@Model({ stream }) and sync()", () => {
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it("plan() of a missing table reports the stream it will be created with; sync() creates it in the one CreateTable", async () => {
    const dynamite = connect([StreamedGadget], freshKey());
    expect((await dynamite.plan()).changes).toEqual([
      { kind: "createTable", table: "gadgets", model: "StreamedGadget", indexes: [], stream: "NEW_AND_OLD_IMAGES" },
    ]);
    const recorder = recordRequests(dynamite.getClient());
    await dynamite.sync();
    expect(recorder.requests.filter((r) => r.command === "UpdateTableCommand")).toEqual([]);
    recorder.stop();
    expect(await streamOf(dynamite)).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
    expect(await dynamite.plan()).toEqual({ changes: [], warnings: [] });
  });

  it("an existing table without a stream: plan() lists enableStream, sync() turns it on, a second sync() does nothing", async () => {
    const key = freshKey();
    await connect([PlainGadget], key).sync();
    const dynamite = connect([DefaultStreamGadget], key);
    expect((await dynamite.plan()).changes).toEqual([
      { kind: "enableStream", table: "gadgets", model: "DefaultStreamGadget", viewType: "NEW_AND_OLD_IMAGES" },
    ]);
    expect(await streamOf(dynamite)).toBeUndefined();
    await dynamite.sync();
    expect(await streamOf(dynamite)).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
    expect(await dynamite.sync()).toEqual({ changes: [], warnings: [] });
  });

  it("a stream of another view type is drift: reported with the table and model, never switched", async () => {
    const key = freshKey();
    await connect([KeysOnlyGadget], key).sync();
    const warnings: string[] = [];
    const dynamite = connect([StreamedGadget], key, warnings);
    const plan = await dynamite.sync();
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.stringContaining(
        "Table gadgets: its stream has view type KEYS_ONLY but model StreamedGadget asks for NEW_AND_OLD_IMAGES",
      ),
    ]);
    expect(warnings).toEqual([`Dynamite sync: ${plan.warnings[0]}`]);
    expect(await streamOf(dynamite)).toEqual({ StreamEnabled: true, StreamViewType: "KEYS_ONLY" });
  });

  it("applying a planned enableStream after another process enabled the stream meanwhile succeeds", async () => {
    const key = freshKey();
    await connect([PlainGadget], key).sync();
    const dynamite = connect([StreamedGadget], key);
    const plan = await dynamite.plan();
    await dynamite.getClient().send(
      new UpdateTableCommand({
        TableName: "gadgets",
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      }),
    );
    expect(plan.changes.map((change) => change.kind)).toEqual(["enableStream"]);
    await expect(
      applyChange(dynamite.getClient(), requireModelMetadata(StreamedGadget), plan.changes[0]),
    ).resolves.toBeUndefined();
    expect(await streamOf(dynamite)).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it("a model without the option leaves an existing stream alone (a Lambda may read it)", async () => {
    const key = freshKey();
    await connect([StreamedGadget], key).sync();
    const dynamite = connect([PlainGadget], key);
    expect(await dynamite.sync()).toEqual({ changes: [], warnings: [] });
    expect(await streamOf(dynamite)).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it.each([["NEW_AND_OLD"], [""], [1], [null], [{}], ["__proto__"]])(
    "@Model({ stream: %p }) is a ConfigError naming the model",
    (stream) => {
      expect(() => {
        @Model({ stream: stream as never })
        class BadStream extends Table<BadStream> {
          @PrimaryKey() declare id: string;
        }
        return BadStream;
      }).toThrow(
        new ConfigError(
          `Model BadStream: @Model({ stream }) must be true or one of NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, KEYS_ONLY, not ${JSON.stringify(stream)}`,
        ),
      );
    },
  );
});
