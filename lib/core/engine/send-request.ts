import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  DynamoDBDocumentClient,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from "@aws-sdk/lib-dynamodb";
import { markOrmRequest } from "../telemetry/orm-requests.js";
import { fromAttributeMap, toAttributeMap } from "./attribute-values.js";

/** The requests the engine sends, with their document-client (JavaScript value) inputs and outputs. */
interface Requests {
  GetItem: [GetCommandInput, GetCommandOutput];
  PutItem: [PutCommandInput, PutCommandOutput];
  UpdateItem: [UpdateCommandInput, UpdateCommandOutput];
  DeleteItem: [DeleteCommandInput, DeleteCommandOutput];
  Query: [QueryCommandInput, QueryCommandOutput];
  Scan: [ScanCommandInput, ScanCommandOutput];
  BatchGetItem: [BatchGetCommandInput, BatchGetCommandOutput];
  BatchWriteItem: [BatchWriteCommandInput, BatchWriteCommandOutput];
  TransactWriteItems: [TransactWriteCommandInput, TransactWriteCommandOutput];
}
export type RequestName = keyof Requests;

type Bag = Record<string, any>;
type Convert = (map: Bag) => Bag;

/**
 * Where a request's input and output hold items, keys or expression values (AttributeValue maps),
 * by path: a name is a field, `*` every entry of a map or list, `.` the map at that place itself.
 */
interface Shape {
  command: new (input: any) => any;
  input: Paths;
  output: Paths;
}
type Paths = { [field: string]: Paths | "." };

const ITEM = ".";
const EXPRESSION = { ExpressionAttributeValues: ITEM } as const;
const WRITE_REQUEST = { PutRequest: { Item: ITEM }, DeleteRequest: { Key: ITEM } } as const;

const SHAPES: Record<RequestName, Shape> = {
  GetItem: { command: GetItemCommand, input: { Key: ITEM }, output: { Item: ITEM } },
  PutItem: { command: PutItemCommand, input: { Item: ITEM, ...EXPRESSION }, output: { Attributes: ITEM } },
  UpdateItem: { command: UpdateItemCommand, input: { Key: ITEM, ...EXPRESSION }, output: { Attributes: ITEM } },
  DeleteItem: { command: DeleteItemCommand, input: { Key: ITEM, ...EXPRESSION }, output: { Attributes: ITEM } },
  Query: {
    command: QueryCommand,
    input: { ExclusiveStartKey: ITEM, ...EXPRESSION },
    output: { Items: { "*": ITEM }, LastEvaluatedKey: ITEM },
  },
  Scan: {
    command: ScanCommand,
    input: { ExclusiveStartKey: ITEM, ...EXPRESSION },
    output: { Items: { "*": ITEM }, LastEvaluatedKey: ITEM },
  },
  BatchGetItem: {
    command: BatchGetItemCommand,
    input: { RequestItems: { "*": { Keys: { "*": ITEM } } } },
    output: { Responses: { "*": { "*": ITEM } }, UnprocessedKeys: { "*": { Keys: { "*": ITEM } } } },
  },
  BatchWriteItem: {
    command: BatchWriteItemCommand,
    input: { RequestItems: { "*": { "*": WRITE_REQUEST } } },
    output: { UnprocessedItems: { "*": { "*": WRITE_REQUEST } } },
  },
  TransactWriteItems: {
    command: TransactWriteItemsCommand,
    input: {
      TransactItems: {
        "*": {
          ConditionCheck: { Key: ITEM, ...EXPRESSION },
          Put: { Item: ITEM, ...EXPRESSION },
          Delete: { Key: ITEM, ...EXPRESSION },
          Update: { Key: ITEM, ...EXPRESSION },
        },
      },
    },
    output: {},
  },
};

/**
 * Sends one of the engine's requests as the low-level command, converting its items, keys and
 * expression values itself (`attribute-values.ts`) instead of through the document client's
 * marshalling middleware: one conversion pass over the values the request holds, two middlewares
 * fewer to resolve on every call. Inputs and outputs are the document client's, so the engine's
 * code reads as before. The input is marked as the engine's for the telemetry middleware
 * (`markOrmRequest`); `doc` shares the raw client's middleware stack and configuration.
 */
export async function sendRequest<N extends RequestName>(
  doc: DynamoDBDocumentClient,
  name: N,
  input: Requests[N][0],
): Promise<Requests[N][1]> {
  const shape = SHAPES[name];
  const sent = markOrmRequest(convertAt(input as Bag, shape.input, toAttributeMap));
  const output: Bag = await doc.send(new shape.command(sent) as never);
  return convertAt(output as Bag, shape.output, fromAttributeMap) as Requests[N][1];
}

/**
 * A copy of `value` with the maps at `paths` converted (values elsewhere shared, not copied). Built field by
 * field: a spread copy whose fields are then overwritten takes V8 before 12 (Node 20/22) 1–3 µs a
 * call, 25 times in a transaction of 25 writes.
 */
function convertAt(value: Bag, paths: Paths, convert: Convert): Bag {
  const copy: Bag = {};
  for (const field in value) {
    const inner = value[field];
    if (inner === undefined) continue; // not sent either way; left out, the SDK has less to walk
    const path = Object.hasOwn(paths, field) ? paths[field] : undefined;
    copy[field] = path === undefined || inner === null ? inner : convertNode(inner, path, convert);
  }
  return copy;
}

function convertNode(value: Bag, paths: Paths | ".", convert: Convert): Bag {
  if (paths === ITEM) return convert(value);
  const every = paths["*"];
  if (every === undefined) return convertAt(value, paths, convert);
  if (Array.isArray(value)) return value.map((entry: Bag) => convertNode(entry, every, convert));
  const copy: Bag = {};
  for (const key in value) copy[key] = convertNode(value[key], every, convert);
  return copy;
}

/**
 * A request the engine sent, as the middleware of its client sees it (AttributeValues), back in
 * JavaScript values: for request logs and tests that read what was sent. Unknown commands come back as they are.
 */
export function nativeRequestInput(commandName: string, input: Record<string, unknown>): Record<string, unknown> {
  const name = commandName.replace(/Command$/, "");
  return Object.hasOwn(SHAPES, name) ? convertAt(input, SHAPES[name as RequestName].input, fromAttributeMap) : input;
}
