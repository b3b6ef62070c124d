import type { AttributeValue, CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { applyUpdate, evaluate, resolvePath, type Item } from "./expression-eval.js";
import { parseCondition, parseProjection, type Cond } from "./expression-parser.js";
import { MemoryTable } from "./memory-table.js";

type Input = Record<string, any>;
type Output = Record<string, any>;

/** A DynamoDB error as the service reports it (its `__type` and message). */
export class MemoryDynamoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function conditionOf(input: Input, field = "ConditionExpression"): Cond | undefined {
  return input[field] ? parseCondition(input[field], input.ExpressionAttributeNames) : undefined;
}

function project(item: Item, input: Input): Item {
  if (!input.ProjectionExpression) return item;
  const out: Item = {};
  for (const path of parseProjection(input.ProjectionExpression, input.ExpressionAttributeNames)) {
    const value = resolvePath(item, path.slice(0, 1));
    if (value !== undefined) out[path[0] as string] = value;
  }
  return out;
}

/** The hash key value a key condition fixes (`hash = :v`, possibly inside ANDs). */
function hashValueOf(cond: Cond, hash: string, values: Record<string, AttributeValue>): AttributeValue | undefined {
  if (cond.kind === "and") return hashValueOf(cond.left, hash, values) ?? hashValueOf(cond.right, hash, values);
  if (cond.kind !== "cmp" || cond.op !== "=") return undefined;
  const [path, value] = cond.left.kind === "path" ? [cond.left, cond.right] : [cond.right, cond.left];
  if (path.kind === "path" && path.path.length === 1 && path.path[0] === hash && value.kind === "value")
    return values[value.name];
  return undefined;
}

/** The output of a Put or Delete: the old item when ReturnValues is ALL_OLD. */
function returnedOld(input: Input, old: Item | undefined): Output {
  const output: Output = {};
  if (input.ReturnValues === "ALL_OLD" && old) output.Attributes = old;
  return output;
}

/** An in-memory DynamoDB: the operations the bench's contenders send, with DynamoDB's semantics for them. */
export class MemoryDynamoDB {
  private readonly tables = new Map<string, MemoryTable>();

  handle(operation: string, input: Input): Output {
    const method = (this as unknown as Record<string, (input: Input) => Output>)[`op${operation}`];
    if (!method) throw new MemoryDynamoError("UnknownOperationException", `The in-memory handler does not support ${operation}`);
    return method.call(this, input);
  }

  private table(name: string): MemoryTable {
    const table = this.tables.get(name);
    if (!table)
      throw new MemoryDynamoError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`);
    return table;
  }

  /**
   * `output` with ConsumedCapacity when the request asked for it, set in place: this server's CPU counts
   * in the CPU-only table, and spreading small objects into the output (V8's slow clone path on Node
   * 20) cost the requests that ask for capacity a few µs more than the ones that do not.
   */
  private capacity(output: Output, input: Input, table: string, units: number, list = false): Output {
    if (input.ReturnConsumedCapacity && input.ReturnConsumedCapacity !== "NONE") {
      const capacity = { TableName: table, CapacityUnits: units };
      output.ConsumedCapacity = list ? [capacity] : capacity;
    }
    return output;
  }

  private check(item: Item | undefined, input: Input): void {
    const cond = conditionOf(input);
    if (cond && !evaluate(item ?? {}, cond, input.ExpressionAttributeValues ?? {})) {
      throw new MemoryDynamoError("ConditionalCheckFailedException", "The conditional request failed");
    }
  }

  opCreateTable(input: Input): Output {
    if (this.tables.has(input.TableName))
      throw new MemoryDynamoError("ResourceInUseException", `Table already exists: ${input.TableName}`);
    this.tables.set(input.TableName, new MemoryTable(input as CreateTableCommandInput));
    return { TableDescription: this.describe(input.TableName) };
  }

  opDescribeTable(input: Input): Output {
    return { Table: this.describe(input.TableName) };
  }

  opListTables(): Output {
    return { TableNames: [...this.tables.keys()] };
  }

  opDeleteTable(input: Input): Output {
    const description = this.describe(input.TableName);
    this.tables.delete(input.TableName);
    return { TableDescription: description };
  }

  private describe(name: string): Output {
    const table = this.table(name);
    const def = table.definition;
    return {
      ...def,
      TableStatus: "ACTIVE",
      ItemCount: table.items.size,
      GlobalSecondaryIndexes: def.GlobalSecondaryIndexes?.map((index) => ({ ...index, IndexStatus: "ACTIVE" })),
    };
  }

  opGetItem(input: Input): Output {
    const item = this.table(input.TableName).get(input.Key);
    const output: Output = {};
    if (item) output.Item = project(item, input);
    return this.capacity(output, input, input.TableName, 0.5);
  }

  opPutItem(input: Input): Output {
    const table = this.table(input.TableName);
    const old = table.get(input.Item);
    this.check(old, input);
    table.put(input.Item);
    return this.capacity(returnedOld(input, old), input, input.TableName, 1);
  }

  opDeleteItem(input: Input): Output {
    const table = this.table(input.TableName);
    const old = table.get(input.Key);
    this.check(old, input);
    table.delete(input.Key);
    return this.capacity(returnedOld(input, old), input, input.TableName, 1);
  }

  opUpdateItem(input: Input): Output {
    const table = this.table(input.TableName);
    const old = table.get(input.Key);
    this.check(old, input);
    const base = old ?? structuredClone(input.Key);
    const updated = input.UpdateExpression
      ? applyUpdate(base, input.UpdateExpression, input.ExpressionAttributeNames ?? {}, input.ExpressionAttributeValues ?? {})
      : base;
    table.put(updated);
    const returned =
      input.ReturnValues === "ALL_NEW" || input.ReturnValues === "UPDATED_NEW"
        ? updated
        : input.ReturnValues?.endsWith("OLD")
          ? old
          : undefined;
    const output: Output = {};
    if (returned) output.Attributes = returned;
    return this.capacity(output, input, input.TableName, 1);
  }

  opQuery(input: Input): Output {
    const table = this.table(input.TableName);
    const names = input.IndexName ? table.indexes.get(input.IndexName)! : table.key;
    const values = input.ExpressionAttributeValues ?? {};
    const keyCond = parseCondition(input.KeyConditionExpression, input.ExpressionAttributeNames);
    const hash = hashValueOf(keyCond, names.hash, values);
    if (!hash) throw new MemoryDynamoError("ValidationException", "Query condition missed key schema element");
    let list = table.partition(input.IndexName, hash);
    if (input.ScanIndexForward === false) list = [...list].reverse();
    let start = 0;
    if (input.ExclusiveStartKey) {
      const startKey = table.keyOf(input.ExclusiveStartKey);
      start = list.findIndex((item) => table.keyOf(item) === startKey) + 1;
    }
    return this.readPage(
      input,
      table,
      list,
      start,
      (item) => evaluate(item, keyCond, values),
      input.IndexName ? names : undefined,
    );
  }

  opScan(input: Input): Output {
    const table = this.table(input.TableName);
    const { list, positions } = table.scanList();
    const start = input.ExclusiveStartKey ? (positions.get(table.keyOf(input.ExclusiveStartKey)) ?? -1) + 1 : 0;
    return this.readPage(input, table, list, start, () => true);
  }

  private readPage(
    input: Input,
    table: MemoryTable,
    list: Item[],
    start: number,
    inKey: (item: Item) => boolean,
    index?: { hash: string; range?: string },
  ): Output {
    const filter = conditionOf(input, "FilterExpression");
    const values = input.ExpressionAttributeValues ?? {};
    const limit = input.Limit ?? Infinity;
    const items: Item[] = [];
    let scanned = 0;
    let position = start;
    for (; position < list.length && scanned < limit; position++) {
      const item = list[position];
      if (!inKey(item)) continue;
      scanned++;
      if (!filter || evaluate(item, filter, values)) items.push(item);
    }
    const last = scanned === limit && scanned > 0 ? list[position - 1] : undefined;
    const output: Output = { Count: items.length, ScannedCount: scanned };
    if (input.Select !== "COUNT") output.Items = items.map((item) => project(item, input));
    if (last) output.LastEvaluatedKey = table.keyAttributes(last, index);
    return this.capacity(output, input, input.TableName, Math.max(0.5, scanned / 2));
  }

  opBatchGetItem(input: Input): Output {
    const responses: Record<string, Item[]> = {};
    let read = 0;
    for (const [name, request] of Object.entries<Input>(input.RequestItems)) {
      const table = this.table(name);
      responses[name] = request.Keys.map((key: Item) => table.get(key))
        .filter(Boolean)
        .map((item: Item) => project(item, request));
      read += request.Keys.length;
    }
    return this.capacity(
      { Responses: responses, UnprocessedKeys: {} },
      input,
      Object.keys(input.RequestItems)[0],
      read / 2,
      true,
    );
  }

  opBatchWriteItem(input: Input): Output {
    let written = 0;
    for (const [name, requests] of Object.entries<Input[]>(input.RequestItems)) {
      const table = this.table(name);
      for (const request of requests) {
        if (request.PutRequest) table.put(request.PutRequest.Item);
        else table.delete(request.DeleteRequest.Key);
        written++;
      }
    }
    return this.capacity({ UnprocessedItems: {} }, input, Object.keys(input.RequestItems)[0], written, true);
  }

  opTransactWriteItems(input: Input): Output {
    const actions: Input[] = input.TransactItems;
    const reasons = actions.map((action) => {
      const [kind, body] = Object.entries<Input>(action)[0];
      const current = this.table(body.TableName).get(body.Key ?? body.Item);
      const cond = conditionOf(body);
      const ok = !cond || evaluate(current ?? {}, cond, body.ExpressionAttributeValues ?? {});
      return { kind, body, ok };
    });
    const keys = reasons.map((r) => `${r.body.TableName}/${this.table(r.body.TableName).keyOf(r.body.Key ?? r.body.Item)}`);
    if (new Set(keys).size < keys.length) {
      throw new MemoryDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item");
    }
    if (reasons.some((r) => !r.ok)) {
      throw new MemoryDynamoError("TransactionCanceledException", "Transaction cancelled", {
        CancellationReasons: reasons.map((r) =>
          r.ok ? { Code: "None" } : { Code: "ConditionalCheckFailed", Message: "The conditional request failed" },
        ),
      });
    }
    for (const { kind, body } of reasons) {
      if (kind === "Put") this.opPutItem({ ...body, ConditionExpression: undefined });
      else if (kind === "Update") this.opUpdateItem({ ...body, ConditionExpression: undefined });
      else if (kind === "Delete") this.opDeleteItem({ ...body, ConditionExpression: undefined });
    }
    const table = actions.length ? Object.values<Input>(actions[0])[0].TableName : "";
    return this.capacity({}, input, table, actions.length * 2, true);
  }
}
