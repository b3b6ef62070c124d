import type { RequestRecorder } from "../../helpers/request-recorder.js";

const WRITES = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
]);

/** Every write request the recorder saw, in order, as [command, number of TransactItems] (undefined for single writes). */
export function writesOf(recorder: RequestRecorder): Array<[string, number | undefined]> {
  return recorder.requests.filter((r) => WRITES.has(r.command)).map((r) => [r.command, r.input.TransactItems?.length]);
}
