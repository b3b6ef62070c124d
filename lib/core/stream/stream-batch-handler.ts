import type { ModelClass } from "../metadata/model-types.js";
import type { ChangeRecord } from "./change-record.js";
import { ModelRouter, recordsOf } from "./parse-stream-event.js";
import type { StreamEventInput, StreamRecordInput } from "./stream-record-input.js";

/** Lambda's partial batch response (enable `ReportBatchItemFailures` on the event source mapping). */
export interface StreamBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

export interface StreamHandlerOptions {
  /** Told about the failure that stops the batch (default: `process.emitWarning`, which Lambda logs). */
  onError?: (error: unknown, record: StreamRecordInput) => void;
}

/**
 * A Lambda handler for a DynamoDB stream: each record is parsed and handed to `onChange` in stream order.
 * At the first failure (unreadable record or a throwing `onChange`) it stops and reports that record's
 * sequence number, so Lambda retries from there and later changes of the same key never overtake it.
 * @example export const handler = createStreamHandler([Product], async (change) => { ... });
 */
export function createStreamHandler(
  models: readonly ModelClass[],
  onChange: (change: ChangeRecord) => unknown,
  options: StreamHandlerOptions = {},
): (event: StreamEventInput) => Promise<StreamBatchResponse> {
  const router = new ModelRouter(models);
  const onError =
    options.onError ??
    ((error: unknown) => process.emitWarning(`Dynamite stream handler: ${(error as Error)?.message ?? String(error)}`));
  return async (event) => {
    for (const record of recordsOf(event)) {
      try {
        await onChange(router.parse(record));
      } catch (error) {
        onError(error, record);
        const itemIdentifier = record?.dynamodb?.SequenceNumber ?? record?.eventID ?? "";
        return { batchItemFailures: [{ itemIdentifier }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
