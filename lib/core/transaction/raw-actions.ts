import { DynamiteError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { allModelMetadata } from "../metadata/registry.js";
import { conditionOf } from "./condition-part.js";
import type { ItemState, ItemWrite } from "./item-write.js";
import type { WriteParams, WriteType } from "../engine/write-action.js";

function modelOfTable(tableName: string): ModelMetadata | undefined {
  return allModelMetadata().find((model) => model.tableName === tableName && model.partitionKey);
}

/** The stored key of a raw action: its `Key`, or the key columns of its `Item` when the table belongs to a model. */
function keyOf(type: WriteType, params: WriteParams, model: ModelMetadata | undefined): Record<string, unknown> {
  if (params.Key) return params.Key;
  if (type === "Put" && model) {
    const columns = model.keyProperties().map((property) => model.columnOf(property));
    return Object.fromEntries(columns.map((column) => [column, params.Item?.[column]]));
  }
  // an item of an unknown table cannot be identified: give it its own slot (DynamoDB rejects duplicates)
  return { item: params.Item };
}

/** A write queued in SDK form (`addPut`, `addDelete`, `addUpdate`, `addConditionCheck`). */
export function rawItemWrite(type: WriteType, params: WriteParams): ItemWrite {
  if (!params?.TableName) throw new DynamiteError(`A transaction ${type} needs a TableName`);
  if (type !== "Put" && !params.Key) throw new DynamiteError(`A transaction ${type} on ${params.TableName} needs a Key`);
  if (type === "Put" && !params.Item) throw new DynamiteError(`A transaction Put on ${params.TableName} needs an Item`);
  const model = modelOfTable(params.TableName);
  const condition = conditionOf(params);
  const conditions = condition ? [condition] : [];
  const states: Record<WriteType, ItemState> = {
    Put: { kind: "Put", item: { ...params.Item }, conditions },
    Update: { kind: "Update", raw: params, conditions: [] },
    Delete: { kind: "Delete", conditions },
    ConditionCheck: { kind: "ConditionCheck", conditions },
  };
  return {
    modelName: model?.name ?? params.TableName,
    table: params.TableName,
    key: keyOf(type, params, model),
    state: states[type],
  };
}
