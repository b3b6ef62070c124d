import type { ModelMetadata } from "../metadata/model-metadata.js";
import { buildUpdateParams } from "../write/build-write.js";
import type { UpdateParts, WriteAction, WriteParams, WriteType } from "../engine/write-action.js";
import { conditionOf, withConditions, type ConditionPart } from "./condition-part.js";

/** What a transaction will do to one item once all its writes to that item are merged. */
export type ItemState =
  /** `insert` is the never-overwrite condition of a create; `conditions` come from checks and deletes. */
  | { kind: "Put"; item: Record<string, unknown>; insert?: ConditionPart; conditions: ConditionPart[] }
  /** `parts` for model updates (mergeable); `raw` for `addUpdate(params)`. */
  | { kind: "Update"; parts?: UpdateParts; raw?: WriteParams; conditions: ConditionPart[] }
  | { kind: "Delete"; conditions: ConditionPart[] }
  | { kind: "ConditionCheck"; conditions: ConditionPart[] }
  /** The writes cancel out (create then force-destroy): no action is sent. */
  | { kind: "None" };

/** One item of a transaction: its identity and the merged state of every write queued on it. */
export interface ItemWrite {
  /** The model, when the write came from a model (needed to re-render merged updates). */
  model?: ModelMetadata;
  modelName: string;
  table: string;
  key: Record<string, unknown>;
  state: ItemState;
}

/** True for the Put of `create()`: its only condition is `attribute_not_exists` on the partition key. */
function isInsert(action: WriteAction): boolean {
  const names = action.params.ExpressionAttributeNames ?? {};
  const match = /^attribute_not_exists\((#\w+)\)$/.exec(action.params.ConditionExpression ?? "");
  const partitionKey = action.model?.partitionKey;
  return Boolean(match && partitionKey && names[match[1]] === action.model.columnOf(partitionKey));
}

/** The state one queued action stands for on its own. */
export function stateOf(action: WriteAction): ItemState {
  const condition = conditionOf(action.params);
  const conditions = condition ? [condition] : [];
  switch (action.type) {
    case "Put":
      return isInsert(action)
        ? { kind: "Put", item: { ...action.params.Item }, insert: condition, conditions: [] }
        : { kind: "Put", item: { ...action.params.Item }, conditions };
    case "Update":
      return action.update
        ? { kind: "Update", parts: structuredClone(action.update), conditions: [] }
        : { kind: "Update", raw: action.params, conditions: [] };
    case "Delete":
      return { kind: "Delete", conditions };
    case "ConditionCheck":
      return { kind: "ConditionCheck", conditions };
  }
}

/** The conditions an update puts on the stored item (existence and extra conditions), as a movable part. */
export function updateConditions(write: ItemWrite, state: Extract<ItemState, { kind: "Update" }>): ConditionPart[] {
  const own = state.raw
    ? conditionOf(state.raw)
    : conditionOf(buildUpdateParams(write.model!, write.key, { ...state.parts!, set: {}, remove: [], add: {} }));
  return [...(own ? [own] : []), ...state.conditions];
}

/** The TransactWriteItems entry of one item, or undefined when its writes cancelled out. */
export function renderItemWrite(write: ItemWrite): { type: WriteType; params: WriteParams } | undefined {
  const { state, table, key } = write;
  switch (state.kind) {
    case "None":
      return undefined;
    case "Put": {
      const conditions = state.insert ? [state.insert, ...state.conditions] : state.conditions;
      return { type: "Put", params: withConditions({ TableName: table, Item: state.item }, conditions) };
    }
    case "Update": {
      const base = state.raw ?? buildUpdateParams(write.model!, key, state.parts!);
      return { type: "Update", params: withConditions(base, state.conditions) };
    }
    case "Delete":
      return { type: "Delete", params: withConditions({ TableName: table, Key: key }, state.conditions) };
    case "ConditionCheck":
      return { type: "ConditionCheck", params: withConditions({ TableName: table, Key: key }, state.conditions) };
  }
}
