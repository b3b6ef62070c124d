import type { ActionData, WriteKind, WriteParams } from "../engine/write-action.js";
import { renderAction } from "../write/render-action.js";

/** A raw action queued in SDK form (`addUpdate`, `addConditionCheck`): sent as given, never merged. */
export interface RawWrite {
  kind: WriteKind;
  params: WriteParams;
}

/** One item of a transaction: its identity and the one action every write queued on it merged into. */
export interface ItemWrite {
  modelName: string;
  table: string;
  key: Record<string, unknown>;
  /** The merged action, as data. */
  action?: ActionData;
  raw?: RawWrite;
  /** The instance the last merged write came from (its own later writes are not a second create). */
  instance?: object;
}

/** The TransactWriteItems entry of one item, rendered by the same function as a write sent alone. */
export function renderItemWrite(write: ItemWrite): RawWrite {
  return write.raw ?? { kind: write.action!.kind, params: renderAction(write.action!) };
}
