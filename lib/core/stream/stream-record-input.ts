/**
 * A stream record as a Lambda `DynamoDBStreamEvent` delivers it, or as `GetRecords` returns it.
 * Structural on purpose: both `aws-lambda`'s and the SDK's types fit. They differ in binaries
 * (Lambda: base64 strings; SDK: Uint8Array), in the creation time (epoch seconds or a Date) and in
 * the casing of `userIdentity`; the parser accepts both.
 */
export interface StreamRecordInput {
  eventID?: string;
  eventName?: string;
  /** Lambda only: `arn:aws:dynamodb:…:table/NAME/stream/LABEL`. */
  eventSourceARN?: string;
  userIdentity?: { type?: string; principalId?: string; Type?: string; PrincipalId?: string } | null;
  dynamodb?: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber?: string;
    ApproximateCreationDateTime?: number | Date;
    StreamViewType?: string;
  };
}

/** A Lambda DynamoDB stream event, or just its records. */
export type StreamEventInput = { Records?: readonly StreamRecordInput[] } | readonly StreamRecordInput[];

/** The table named by a Lambda record's `eventSourceARN` (GetRecords records carry none). */
export function tableOfRecord(record: StreamRecordInput): string | undefined {
  const match = /:table\/([^/]+)\/stream\//.exec(record.eventSourceARN ?? "");
  return match?.[1];
}

/** True for a remove made by DynamoDB's Time To Live (the service is the record's principal). */
export function isTtlRemoval(record: StreamRecordInput): boolean {
  const identity = record.userIdentity;
  const principal = identity?.principalId ?? identity?.PrincipalId;
  const type = identity?.type ?? identity?.Type;
  return type === "Service" && principal === "dynamodb.amazonaws.com";
}
