import type { ModelMetadata } from "../metadata/model-metadata.js";
import { requireModelMetadata } from "../metadata/registry.js";
import type { ModelClass } from "../metadata/model-types.js";
import type { ChangeRecord } from "./change-record.js";
import { parseRecordOf } from "./parse-stream-record.js";
import { StreamRecordError } from "../errors/index.js";
import { tableOfRecord, type StreamEventInput, type StreamRecordInput } from "./stream-record-input.js";

/** Resolves each record to the model of its table (by `eventSourceARN`, or the only model given). */
export class ModelRouter {
  private readonly byTable = new Map<string, ModelMetadata>();

  constructor(models: readonly ModelClass[]) {
    if (!Array.isArray(models) || models.length === 0) {
      throw new StreamRecordError("parseStreamEvent(event, models) needs at least one model class");
    }
    for (const model of models) {
      const meta = requireModelMetadata(model);
      const other = this.byTable.get(meta.tableName);
      if (other && other !== meta) {
        throw new StreamRecordError(
          `Models ${other.name} and ${meta.name} share table ${meta.tableName}; a stream record cannot tell them apart, pass one of them`,
          { table: meta.tableName },
        );
      }
      this.byTable.set(meta.tableName, meta);
    }
  }

  /** The model a record belongs to; a record of another table, or without a table among several models, is an error. */
  modelOf(record: StreamRecordInput): ModelMetadata {
    const table = tableOfRecord(record);
    if (table === undefined) {
      if (this.byTable.size === 1) return [...this.byTable.values()][0];
      throw new StreamRecordError(
        "The record has no eventSourceARN (a GetRecords record?), so its table is unknown among several models; use Model.parseStreamRecord(record)",
        { eventId: record?.eventID, sequenceNumber: record?.dynamodb?.SequenceNumber },
      );
    }
    const model = this.byTable.get(table);
    if (!model) {
      throw new StreamRecordError(`The record comes from table ${table}, which none of the given models uses`, {
        table,
        eventId: record?.eventID,
        sequenceNumber: record?.dynamodb?.SequenceNumber,
      });
    }
    return model;
  }

  parse(record: StreamRecordInput): ChangeRecord {
    return parseRecordOf(this.modelOf(record), record);
  }
}

/** The records of an event (a Lambda event, or an array of records). */
export function recordsOf(event: StreamEventInput): readonly StreamRecordInput[] {
  const records = Array.isArray(event) ? event : (event as { Records?: readonly StreamRecordInput[] })?.Records;
  if (!Array.isArray(records)) {
    throw new StreamRecordError(
      "A stream event must be a Lambda DynamoDBStreamEvent ({ Records: [...] }) or an array of records",
    );
  }
  return records;
}

/**
 * Every record of a Lambda `DynamoDBStreamEvent` (or an array of records) as a typed change of its model.
 * @example const changes = parseStreamEvent(event, [User, Order]);
 */
export function parseStreamEvent(event: StreamEventInput, models: readonly ModelClass[]): ChangeRecord[] {
  const router = new ModelRouter(models);
  return recordsOf(event).map((record) => router.parse(record));
}
