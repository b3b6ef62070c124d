import { TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamiteError } from "../errors.js";
import type { WriteAction, WriteParams } from "../write/write-action.js";

/** DynamoDB's limit of actions in one TransactWriteItems (raised from 25 to 100 in 2022). */
export const MAX_TRANSACTION_ACTIONS = 100;

/** Buffers the writes of one `tx()` callback and commits them in one TransactWriteItems. */
export class TransactionContext {
  private readonly actions: WriteAction[] = [];

  constructor(private readonly doc: DynamoDBDocumentClient) {}

  /** Queues a model write (called by Table methods). */
  enqueue(action: WriteAction): void {
    this.actions.push(action);
  }

  addPut(tableName: string, item: Record<string, unknown>): void {
    this.enqueueRaw("Put", { TableName: tableName, Item: item });
  }

  addDelete(tableName: string, key: Record<string, unknown>): void {
    this.enqueueRaw("Delete", { TableName: tableName, Key: key });
  }

  addUpdate(params: WriteParams): void {
    this.enqueueRaw("Update", params);
  }

  addConditionCheck(params: WriteParams): void {
    this.enqueueRaw("ConditionCheck", params);
  }

  get size(): number {
    return this.actions.length;
  }

  async commit(): Promise<void> {
    if (!this.actions.length) return;
    if (this.actions.length > MAX_TRANSACTION_ACTIONS) {
      throw new DynamiteError(
        `A transaction holds ${this.actions.length} actions; DynamoDB allows ${MAX_TRANSACTION_ACTIONS}. Nothing was sent.`,
      );
    }
    await this.doc.send(
      new TransactWriteCommand({ TransactItems: this.actions.map((a) => ({ [a.type]: a.params }) as never) }),
    );
    for (const action of this.actions) action.onCommitted?.();
  }

  private enqueueRaw(type: WriteAction["type"], params: WriteParams): void {
    this.actions.push({
      type,
      params,
      key: params.Key ?? {},
      model: { name: params.TableName } as never,
      onConditionFailed: (cause) => new DynamiteError(`Condition failed on ${params.TableName}`, { cause }),
    });
  }
}
