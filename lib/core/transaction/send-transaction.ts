import type { DynamoDBDocumentClient, TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import { DEFAULT_RETRY_POLICY, backoffDelay, sleep } from "../support/backoff.js";
import { cancellationError, isTransient, type SentAction } from "./cancellation.js";

type TransactItems = NonNullable<TransactWriteCommandInput["TransactItems"]>;

/**
 * Sends one TransactWriteItems. A cancellation caused only by conflicts or throttling is sent again,
 * unchanged and with the SAME ClientRequestToken (so DynamoDB applies it at most once), up to `retries` times.
 */
export async function sendTransaction(
  doc: DynamoDBDocumentClient,
  items: TransactItems,
  actions: SentAction[],
  options: { token: string; retries: number },
): Promise<void> {
  const command = { TransactItems: items, ClientRequestToken: options.token };
  for (let attempt = 1; ; attempt++) {
    try {
      await sendRequest(doc, "TransactWriteItems", command);
      return;
    } catch (error) {
      if (attempt <= options.retries && isTransient(error)) {
        // the batch retries' exponential backoff with full jitter: up to 25 ms, 50 ms, … capped at 1 s
        await sleep(backoffDelay(attempt - 1, DEFAULT_RETRY_POLICY));
        continue;
      }
      throw cancellationError(error, actions, attempt) ?? error;
    }
  }
}
