import { DynamiteError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { allModelMetadata } from "../metadata/registry.js";
import type { ItemWrite } from "./item-write.js";
import type { WriteKind, WriteParams } from "../engine/write-action.js";

function modelOfTable(tableName: string): ModelMetadata | undefined {
  return allModelMetadata().find((model) => model.tableName === tableName && model.partitionKey);
}

/** The stored key of a raw action: its `Key`, or the key columns of its `Item` when the table belongs to a model. */
function keyOf(kind: WriteKind, params: WriteParams, model: ModelMetadata | undefined): Record<string, unknown> {
  if (params.Key) return params.Key;
  if (kind === "Put" && model) {
    const columns = model.keyProperties().map((property) => model.columnOf(property));
    return Object.fromEntries(columns.map((column) => [column, params.Item?.[column]]));
  }
  // an item of an unknown table cannot be identified: give it its own slot (DynamoDB rejects duplicates)
  return { item: params.Item };
}

/**
 * A write queued in SDK form (`addPut`, `addDelete`, `addUpdate`, `addConditionCheck`). A Put or
 * Delete without expressions is plain data; an Update or ConditionCheck carries expression text of
 * its own, so it is sent as given and never merged with another write to its item.
 */
export function rawItemWrite(kind: WriteKind, params: WriteParams): ItemWrite {
  if (!params?.TableName) throw new DynamiteError(`A transaction ${kind} needs a TableName`);
  if (kind !== "Put" && !params.Key) throw new DynamiteError(`A transaction ${kind} on ${params.TableName} needs a Key`);
  if (kind === "Put" && !params.Item) throw new DynamiteError(`A transaction Put on ${params.TableName} needs an Item`);
  const model = modelOfTable(params.TableName);
  const key = keyOf(kind, params, model);
  const write: ItemWrite = { modelName: model?.name ?? params.TableName, table: params.TableName, key };
  if (kind === "Put") write.action = { kind, table: params.TableName, key, item: { ...params.Item }, conditions: [] };
  else if (kind === "Delete") write.action = { kind, table: params.TableName, key, conditions: [] };
  else write.raw = { kind, params };
  return write;
}
