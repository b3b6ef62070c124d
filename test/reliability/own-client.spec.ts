import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { ConfigError, Dynamite, PrimaryKey, Table } from "../../lib/core/index.js";
import { documentClientFor } from "../../lib/core/engine/engine-context.js";
import { setGlobalClient } from "../../lib/core/engine/global-client.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Gadget extends Table<Gadget> {
  @PrimaryKey() declare id: string;
  declare label?: string;
}

/** Every call a model offers, each of which must refuse to run on a client that is not connected. */
const CALLS: Array<[string, () => unknown]> = [
  ["create", () => Gadget.create({ id: "g1" })],
  ["createMany", () => Gadget.createMany([{ id: "g1" }, { id: "g2" }])],
  ["where", () => Gadget.where({ id: "g1" })],
  ["where() (Scan)", () => Gadget.where()],
  ["first", () => Gadget.first({ id: "g1" })],
  ["count", () => Gadget.count()],
  ["paginate", () => Gadget.paginate({}, { limit: 2 })],
  ["findMany", () => Gadget.findMany([{ id: "g1" }])],
  ["Model.update", () => Gadget.update({ label: "x" }, { id: "g1" })],
  ["Model.delete", () => Gadget.delete({ id: "g1" })],
  ["instance save", () => new Gadget({ id: "g3" }).save()],
];

describe("a model uses its own client or none", () => {
  // the global client: connected, synced, and holding a `gadgets` table a fallback would write into
  const db = useTestDatabase([Gadget]);
  let shop: Dynamite;

  beforeAll(() => {
    shop = new Dynamite({ ...testClientConfig(), name: "shop", tables: [Gadget] });
  });
  afterAll(() => shop.disconnect());

  async function globalRows(): Promise<unknown[]> {
    const doc = documentClientFor(db.dynamite.getClient());
    return (await doc.send(new ScanCommand({ TableName: "gadgets" }))).Items ?? [];
  }

  async function expectRefused(state: RegExp): Promise<void> {
    for (const [, call] of CALLS) {
      const error = await Promise.resolve()
        .then(call)
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Gadget is registered on the Dynamite client "shop", which /);
      expect((error as Error).message).toMatch(state);
    }
    await expect(shop.tx(async () => undefined)).rejects.toThrow(ConfigError);
    expect(db.recorder.commands()).toEqual([]);
    expect(await globalRows()).toEqual([]);
  }

  it("a client that was never connected: every call is a ConfigError naming model and client, zero requests", async () => {
    await expectRefused(/was never connected/);
  });

  it("a client that was disconnected: the same, and nothing lands in the global client's database", async () => {
    shop.connect();
    await shop.sync();
    await Gadget.create({ id: "on-shop" });
    shop.disconnect();
    setGlobalClient(db.dynamite.getClient());
    db.recorder.reset();
    await expectRefused(/was disconnected/);
  });

  it("an unnamed client is named by its tables", async () => {
    const unnamed = new Dynamite({ ...testClientConfig(), tables: [Gadget] });
    await expect(Gadget.first({ id: "g1" })).rejects.toThrow(
      "registered on the Dynamite client of [Gadget], which was never connected",
    );
    unnamed.release(); // released: no longer registered anywhere, so the global client serves it again
    shop.release();
    expect(await Gadget.first({ id: "g1" })).toBeUndefined();
    expect(db.recorder.commands()).toEqual(["GetItemCommand"]);
  });
});
