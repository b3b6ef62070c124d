import { describeKey } from "../errors/write-errors.js";
import { TransactionError, type TransactionReason } from "../errors/transaction-error.js";

/** The model and key of each action sent, by position, to map DynamoDB's reasons back. */
export interface SentAction {
  model: string;
  key: Record<string, unknown>;
}

interface CancellationReason {
  Code?: string;
  Message?: string;
}

/** Cancellation codes that say "try again", not "your data broke a rule". */
const TRANSIENT_CODES = new Set(["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"]);

function reasonsOf(error: unknown): CancellationReason[] | undefined {
  if ((error as Error)?.name !== "TransactionCanceledException") return undefined;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** True when sending the same request again (same token) may succeed: a conflict, throttling, or the same token in flight. */
export function isTransient(error: unknown): boolean {
  if ((error as Error)?.name === "TransactionInProgressException") return true;
  const reasons = reasonsOf(error);
  if (!reasons) return false;
  const failed = reasons.filter((reason) => reason.Code && reason.Code !== "None");
  return failed.length > 0 && failed.every((reason) => TRANSIENT_CODES.has(reason.Code!));
}

/** A TransactionError with one reason per action, or undefined when `error` is not a cancellation. */
export function cancellationError(error: unknown, actions: SentAction[], attempts: number): TransactionError | undefined {
  const raw = reasonsOf(error);
  if (!raw) return undefined;
  const reasons: TransactionReason[] = actions.map((action, index) => ({
    index,
    model: action.model,
    key: action.key,
    code: raw[index]?.Code ?? "None",
    ...(raw[index]?.Message && { message: raw[index].Message }),
  }));
  const failed = reasons.filter((reason) => reason.code !== "None");
  const summary = failed.length
    ? failed.map((r) => `action ${r.index} (${r.model} ${describeKey(r.key)}): ${r.code}`).join("; ")
    : (error as Error).message;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  return new TransactionError(`Transaction cancelled${tries}, nothing was written: ${summary}`, reasons, { cause: error });
}
