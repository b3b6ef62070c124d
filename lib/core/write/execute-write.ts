import type { DeleteCommandInput, PutCommandInput, UpdateCommandInput } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import { contextFor } from "../engine/engine-context.js";
import { ConfigError, DynamiteError } from "../errors/core-errors.js";
import { currentWriteQueue } from "../engine/write-scope.js";
import type { WriteQueue } from "../engine/write-queue.js";
import type { WriteAction, WriteParams } from "../engine/write-action.js";
import { renderAction } from "./render-action.js";

/**
 * Sends one write, or queues it in the transaction (`tx`, else the ambient one).
 * Returns the item's new attributes when the action asked for them and was sent alone.
 */
export function executeWrite(action: WriteAction, tx?: WriteQueue): Promise<Record<string, unknown> | undefined> {
  const transaction = tx ?? currentWriteQueue();
  if (!transaction) return sendAlone(action);
  try {
    assertSameConnection(action, transaction);
    transaction.enqueue(action);
  } catch (error) {
    return Promise.reject(error);
  }
  return QUEUED; // queued: one settled promise for every write, not an async function's per call
}

const QUEUED: Promise<undefined> = Promise.resolve(undefined);

async function sendAlone(action: WriteAction): Promise<Record<string, unknown> | undefined> {
  const { doc } = contextFor(action.model);
  let attributes: Record<string, unknown> | undefined;
  try {
    attributes = await send(doc, action);
  } catch (error) {
    if ((error as Error)?.name === "ConditionalCheckFailedException") {
      throw action.onConditionFailed(error, (error as { Item?: Record<string, unknown> }).Item);
    }
    throw error;
  }
  action.onCommitted?.(attributes);
  return attributes;
}

/** A transaction commits through one client: a write of a table bound elsewhere cannot join it. */
function assertSameConnection(action: WriteAction, transaction: WriteQueue): void {
  if (!action.model.target) return; // raw actions queued through addPut/addDelete carry no model class
  const { doc } = contextFor(action.model);
  if (doc !== transaction.documentClient) {
    throw new ConfigError(
      `${action.model.name} is bound to another connection than the open transaction; a transaction ` +
        "commits through one client. Write it outside the transaction, or run a tx() of its own connection.",
    );
  }
}

async function send(doc: ReturnType<typeof contextFor>["doc"], action: WriteAction) {
  // renderAction's result is this request's own: the extra fields go on it in place (no copy)
  const params = renderAction(action) as WriteParams & { ReturnValuesOnConditionCheckFailure?: "ALL_OLD"; ReturnValues?: string };
  params.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  switch (action.kind) {
    case "Put":
      await sendRequest(doc, "PutItem", params as PutCommandInput);
      return undefined;
    case "Update": {
      params.ReturnValues = action.returnValues ?? "NONE";
      const result = await sendRequest(doc, "UpdateItem", params as UpdateCommandInput);
      return result.Attributes;
    }
    case "Delete":
      await sendRequest(doc, "DeleteItem", params as DeleteCommandInput);
      return undefined;
    case "ConditionCheck":
      throw new DynamiteError(
        `${action.model.name}.check() queues a condition of a transaction; call it inside dynamite.tx(...)`,
      );
  }
}
