import type { AttributeKeys, InferAttributes, ModelClass } from "../metadata/model-types.js";

/** What happened to the item: created, changed (a soft delete is a change), or removed. */
export type ChangeType = "insert" | "modify" | "remove";

/** The key by property name; untyped (`ChangeRecord<any>`) records give a plain record. */
export type ChangeKey<M> = 0 extends 1 & M ? Record<string, any> : Partial<InferAttributes<M>>;

/**
 * One stream record as a typed change of a model: hydrated images (`@Serialize`, `@Name`, TTL applied),
 * the key, and the declared attributes whose values differ.
 */
export interface ChangeRecord<M = any> {
  type: ChangeType;
  /** The model class the record belongs to (compare with `===` or use `isChangeOf`). */
  model: ModelClass<M>;
  table: string;
  /** The primary key, by property name. */
  key: ChangeKey<M>;
  /** The item after the write (insert, modify), when the stream view type carries it. */
  newImage?: M;
  /** The item before the write (modify, remove), when the stream view type carries it. */
  oldImage?: M;
  /**
   * Declared attributes (property names) whose values differ. Exact when the record carries the images
   * the type needs (both for a modify); otherwise every declared attribute present in what is known
   * (all of them with KEYS_ONLY), so a handler never misses a change.
   */
  changed: Array<AttributeKeys<M>>;
  /** A modify that set the `@DeleteAt` attribute: the row went to the trash. */
  softDeleted: boolean;
  /** A modify that cleared the `@DeleteAt` attribute (`restore()`). */
  restored: boolean;
  /** A remove made by DynamoDB's Time To Live, not by the application. */
  expired: boolean;
  /** The record's id (unique per record, stable across redeliveries). */
  eventId: string;
  /** Order of the record within its shard (a decimal string; per key, records come in write order). */
  sequenceNumber: string;
  /** When DynamoDB wrote the record (approximate, whole seconds). */
  approximateCreationTime?: Date;
}

/** Narrows a record of `parseStreamEvent` to one model. @example if (isChangeOf(change, User)) change.newImage?.email */
export function isChangeOf<M>(change: ChangeRecord, model: ModelClass<M>): change is ChangeRecord<M> {
  return change.model === model;
}
