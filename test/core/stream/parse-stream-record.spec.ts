import "reflect-metadata";
import { describe, expect, it, beforeAll } from "@jest/globals";
import type { _Record } from "@aws-sdk/client-dynamodb-streams";
import {
  Attribute,
  DeleteAt,
  Model,
  Name,
  PrimaryKey,
  Serialize,
  StreamRecordError,
  Table,
  TTL,
  UpdatedAt,
  isChangeOf,
  parseStreamEvent,
  type ChangeRecord,
} from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";
import { readStream, streamArnOf, toLambdaRecord } from "../../helpers/stream-records.js";

class Money {
  constructor(readonly cents: number) {}
}

@Model({ stream: "NEW_AND_OLD_IMAGES" })
@Name("parse_products")
class Product extends Table<Product> {
  @PrimaryKey() declare sku: string;
  @Name("product_name") declare title: string;
  @Serialize((cents: number) => new Money(cents), (money: Money) => money.cents) declare price: Money;
  @Attribute() declare stock: number;
  @TTL() declare expiresAt?: Date;
  @Attribute() declare photo?: Uint8Array;
  @UpdatedAt() declare updatedAt?: string;
  @DeleteAt() declare deletedAt?: string;
  declare notes?: string;
}

@Model({ stream: "KEYS_ONLY" })
@Name("parse_tags")
class Tag extends Table<Tag> {
  @PrimaryKey() declare id: string;
  @Attribute() declare label: string;
}

describe("typed stream records (parseStreamRecord / parseStreamEvent) from DynamoDB Local", () => {
  const db = useTestDatabase([Product, Tag]);
  let records: _Record[];
  let arn: string;
  const expires = new Date("2031-01-02T03:04:05.000Z");

  beforeAll(async () => {
    const product = await Product.create({
      sku: "p1",
      title: "Lamp",
      price: new Money(1999),
      stock: 5,
      expiresAt: expires,
      photo: new Uint8Array([1, 2, 255]),
    });
    await product.update({ stock: 4 });
    await product.update({ notes: "fragile" } as never);
    await product.destroy();
    await product.restore();
    await product.forceDestroy();
    const tag = await Tag.create({ id: "t1", label: "new" });
    await tag.update({ label: "newer" });
    records = await readStream(db.dynamite.getClient(), "parse_products");
    arn = await streamArnOf(db.dynamite.getClient(), "parse_products");
  });

  it("DynamoDB Local gives one record per effective write, in write order", () => {
    expect(records.map((r) => r.eventName)).toEqual(["INSERT", "MODIFY", "MODIFY", "MODIFY", "MODIFY", "REMOVE"]);
  });

  it("an insert has the hydrated new image (@Name, @Serialize, TTL as a Date, binary), the key and every stored attribute as changed", () => {
    const change = Product.parseStreamRecord(records[0]);
    expect(change).toMatchObject({
      type: "insert",
      model: Product,
      table: "parse_products",
      key: { sku: "p1" },
      softDeleted: false,
      restored: false,
      expired: false,
    });
    expect(change.oldImage).toBeUndefined();
    const image = change.newImage!;
    expect(image).toBeInstanceOf(Product);
    expect(image.title).toBe("Lamp");
    expect(image.price).toEqual(new Money(1999));
    expect(image.expiresAt).toEqual(expires);
    expect(image.photo).toEqual(new Uint8Array([1, 2, 255]));
    expect(change.changed).toEqual(["sku", "title", "price", "stock", "expiresAt", "photo", "updatedAt"]);
    expect(change.sequenceNumber).toBe(records[0].dynamodb!.SequenceNumber);
    expect(change.eventId).toBe(records[0].eventID);
    expect(change.approximateCreationTime).toBeInstanceOf(Date);
  });

  it("a modify lists only the attributes whose values differ, by property name (undeclared ones by stored name)", () => {
    const stock = Product.parseStreamRecord(records[1]);
    expect(stock.type).toBe("modify");
    expect(stock.changed).toEqual(["stock", "updatedAt"]);
    expect(stock.oldImage!.stock).toBe(5);
    expect(stock.newImage!.stock).toBe(4);
    expect(Product.parseStreamRecord(records[2]).changed).toEqual(["updatedAt", "notes"]);
  });

  it("a soft delete and a restore are reported as such; a hard delete is a remove with the old image", () => {
    const trashed = Product.parseStreamRecord(records[3]);
    expect(trashed).toMatchObject({ type: "modify", softDeleted: true, restored: false });
    expect(trashed.changed).toContain("deletedAt");
    expect(Product.parseStreamRecord(records[4])).toMatchObject({ type: "modify", softDeleted: false, restored: true });
    const removed = Product.parseStreamRecord(records[5]);
    expect(removed).toMatchObject({ type: "remove", key: { sku: "p1" }, softDeleted: false, expired: false });
    expect(removed.newImage).toBeUndefined();
    expect(removed.oldImage!.price).toEqual(new Money(1999));
  });

  it("a Lambda event of the same records (base64 binaries, epoch seconds, eventSourceARN) parses to the same changes", () => {
    const event = { Records: records.map((record) => toLambdaRecord(record, arn)) };
    const fromLambda = parseStreamEvent(event, [Product, Tag]);
    const fromSdk = records.map((record) => Product.parseStreamRecord(record));
    const comparable = (changes: ChangeRecord[]) =>
      changes.map(({ approximateCreationTime, newImage, oldImage, ...rest }) => ({
        ...rest,
        newImage: newImage && { ...newImage },
        oldImage: oldImage && { ...oldImage },
        second: Math.floor(approximateCreationTime!.getTime() / 1000),
      }));
    expect(comparable(fromLambda)).toEqual(comparable(fromSdk));
    expect(fromLambda[0].newImage!.photo).toEqual(new Uint8Array([1, 2, 255]));
    expect(isChangeOf(fromLambda[0], Product) && fromLambda[0].newImage!.price.cents).toBe(1999);
    expect(isChangeOf(fromLambda[0], Tag)).toBe(false);
  });

  it("a TTL removal (principal dynamodb.amazonaws.com) is reported as expired, in both shapes", () => {
    const ttl = { ...records[5], userIdentity: { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" } };
    expect(Product.parseStreamRecord(ttl).expired).toBe(true);
    expect(parseStreamEvent([toLambdaRecord(ttl, arn)], [Product])[0].expired).toBe(true);
  });

  it("KEYS_ONLY: the key only, and every declared attribute may have changed", async () => {
    const [insert, modify] = await readStream(db.dynamite.getClient(), "parse_tags");
    const change = Tag.parseStreamRecord(modify);
    expect(change).toMatchObject({ type: "modify", key: { id: "t1" } });
    expect(change.newImage).toBeUndefined();
    expect(change.changed).toEqual(["id", "label"]);
    expect(Tag.parseStreamRecord(insert).type).toBe("insert");
  });

  it("routes by eventSourceARN: a record of a table no given model uses, or of another model, is a StreamRecordError", () => {
    const other = toLambdaRecord(records[0], arn.replace("/parse_products/", "/elsewhere/"));
    expect(() => parseStreamEvent([other], [Product, Tag])).toThrow(
      new StreamRecordError("The record comes from table elsewhere, which none of the given models uses"),
    );
    expect(() => Tag.parseStreamRecord(toLambdaRecord(records[0], arn))).toThrow(
      "Stream record of model Tag: the record comes from table parse_products, not parse_tags",
    );
    expect(() => parseStreamEvent([records[0]], [Product, Tag])).toThrow(/has no eventSourceARN/);
    expect(parseStreamEvent([records[0]], [Product])[0].type).toBe("insert");
  });

  it.each([
    ["null", null],
    ["{}", {}],
    ["no dynamodb", { eventName: "INSERT" }],
    ["unknown eventName", { eventName: "UPSERT", dynamodb: { Keys: { sku: { S: "x" } }, SequenceNumber: "1" } }],
    ["__proto__ eventName", { eventName: "__proto__", dynamodb: { Keys: { sku: { S: "x" } }, SequenceNumber: "1" } }],
    ["no Keys", { eventName: "INSERT", dynamodb: { SequenceNumber: "1" } }],
    ["no SequenceNumber", { eventName: "INSERT", dynamodb: { Keys: { sku: { S: "x" } } } }],
    ["a raw value instead of an AttributeValue", { eventName: "INSERT", dynamodb: { Keys: { sku: "x" }, SequenceNumber: "1" } }],
    [
      "a number that is not a number",
      { eventName: "INSERT", dynamodb: { Keys: { sku: { S: "x" } }, NewImage: { stock: { N: "lots" } }, SequenceNumber: "1" } },
    ],
  ])("a malformed record (%s) is a StreamRecordError naming the model", (_name, record) => {
    expect(() => Product.parseStreamRecord(record as never)).toThrow(StreamRecordError);
    expect(() => Product.parseStreamRecord(record as never)).toThrow(/^Stream record of model Product: /);
  });

  it("an integer beyond 2^53 comes as a bigint, exactly as a read returns it", () => {
    const record = {
      eventName: "INSERT",
      dynamodb: {
        Keys: { sku: { S: "x" } },
        NewImage: { sku: { S: "x" }, stock: { N: "9007199254740993" } },
        SequenceNumber: "1",
      },
    };
    expect(Product.parseStreamRecord(record).newImage!.stock).toBe(9007199254740993n);
  });

  it("parseStreamEvent rejects what is not an event, and an empty model list", () => {
    expect(() => parseStreamEvent({} as never, [Product])).toThrow(StreamRecordError);
    expect(() => parseStreamEvent(null as never, [Product])).toThrow(StreamRecordError);
    expect(() => parseStreamEvent({ Records: [] }, [])).toThrow("at least one model class");
    expect(parseStreamEvent({ Records: [] }, [Product])).toEqual([]);
  });
});
