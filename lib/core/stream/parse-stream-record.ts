import type { ModelMetadata } from "../metadata/model-metadata.js";
import { fromItem } from "../item/item-codec.js";
import { hydrate } from "../instance/hydrate.js";
import type { ChangeKey, ChangeRecord, ChangeType } from "./change-record.js";
import { changedAttributes, trashTransition } from "./changed-attributes.js";
import { StreamRecordError } from "../errors/index.js";
import { imageToItem } from "./stream-image.js";
import { isTtlRemoval, tableOfRecord, type StreamRecordInput } from "./stream-record-input.js";

const TYPES = new Map<unknown, ChangeType>([
  ["INSERT", "insert"],
  ["MODIFY", "modify"],
  ["REMOVE", "remove"],
]);

/** A Lambda or GetRecords stream record of the model's table as a typed change with hydrated images. */
export function parseRecordOf<M>(model: ModelMetadata, record: StreamRecordInput): ChangeRecord<M> {
  const details = {
    model: model.name,
    table: model.tableName,
    eventId: record?.eventID,
    sequenceNumber: record?.dynamodb?.SequenceNumber,
  };
  const fail = (message: string, cause?: unknown): never => {
    throw new StreamRecordError(`Stream record of model ${model.name}: ${message}`, details, { cause });
  };
  if (!record || typeof record !== "object" || !record.dynamodb || typeof record.dynamodb !== "object") {
    return fail("it has no dynamodb section; pass one element of event.Records or of GetRecords' Records");
  }
  const type = TYPES.get(record.eventName) ?? fail(`unknown eventName ${JSON.stringify(record.eventName)}`);
  const table = tableOfRecord(record);
  if (table !== undefined && table !== model.tableName) {
    fail(`the record comes from table ${table}, not ${model.tableName}`);
  }
  const { Keys, NewImage, OldImage, SequenceNumber, ApproximateCreationDateTime } = record.dynamodb;
  if (!Keys || typeof Keys !== "object") fail("it has no Keys");
  if (typeof SequenceNumber !== "string" || !SequenceNumber) fail("it has no SequenceNumber");
  let keyItem: Record<string, unknown>,
    newItem: Record<string, unknown> | undefined,
    oldItem: Record<string, unknown> | undefined;
  try {
    keyItem = imageToItem(Keys!);
    newItem = NewImage ? imageToItem(NewImage) : undefined;
    oldItem = OldImage ? imageToItem(OldImage) : undefined;
  } catch (cause) {
    return fail(`an image cannot be read: ${(cause as Error)?.message}`, cause);
  }
  return {
    type,
    model: model.target as ChangeRecord<M>["model"],
    table: model.tableName,
    key: fromItem(model, keyItem) as ChangeKey<M>,
    ...(newItem && { newImage: hydrate<M>(model, newItem) }),
    ...(oldItem && { oldImage: hydrate<M>(model, oldItem) }),
    changed: changedAttributes(model, type, oldItem, newItem) as ChangeRecord<M>["changed"],
    ...(type === "modify" ? trashTransition(model, oldItem, newItem) : { softDeleted: false, restored: false }),
    expired: type === "remove" && isTtlRemoval(record),
    eventId: record.eventID ?? SequenceNumber!,
    sequenceNumber: SequenceNumber!,
    ...(ApproximateCreationDateTime !== undefined && { approximateCreationTime: creationTime(ApproximateCreationDateTime) }),
  };
}

/** Lambda gives epoch seconds, the SDK a Date. */
function creationTime(value: number | Date): Date {
  return value instanceof Date ? value : new Date(value * 1000);
}
