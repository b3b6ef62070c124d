import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { cancellationError, isTransient, type SentAction } from "./cancellation.js";

type TransactItems = NonNullable<TransactWriteCommandInput["TransactItems"]>;

const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 1000;

/** Exponential backoff with full jitter (attempt 1 → up to 25 ms, 2 → 50 ms, …, capped at 1 s). */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

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
      await doc.send(new TransactWriteCommand(command));
      return;
    } catch (error) {
      if (attempt <= options.retries && isTransient(error)) {
        await backoff(attempt);
        continue;
      }
      throw cancellationError(error, actions, attempt) ?? error;
    }
  }
}
