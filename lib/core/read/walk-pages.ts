import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { sendRequest } from "../engine/send-request.js";
import { FilterDensity } from "./filter-density.js";
import type { PagedReadInput } from "./read-input.js";

type Item = Record<string, unknown>;

/** What a walk over Query/Scan pages collected. */
export interface PageWalk {
  items: Item[];
  /** True when DynamoDB has nothing after the last returned item. */
  exhausted: boolean;
}

/** How a walk reads its pages. */
export interface WalkOptions {
  /** Matching items to collect; all of them when undefined. */
  want?: number;
  /** Where the walk resumes (a stored key). */
  startKey?: Item;
  /** Ask for one item more than wanted, so a paginated read knows whether anything follows. */
  peek?: boolean;
  /** Drops items that fail conditions checked here rather than by DynamoDB. */
  keep?: (item: Item) => boolean;
  /** The model's memory of filtered reads: sizes the pages of a filtered walk (see {@link FilterDensity}). */
  density?: FilterDensity;
}

/** The largest page a filtered walk asks for. */
const MAX_FILTERED_LIMIT = 1_000;

/**
 * Follows LastEvaluatedKey only until `want` matching items are collected. Without a filter every
 * item matches, so Limit asks for exactly what is missing (plus one with `peek`). With a filter,
 * a page asks for what is missing times the items read per match: learned from this filter's
 * earlier reads for the first page, from this walk's own pages after that; with nothing learned
 * yet the first page asks for what is missing and each page without a match doubles, up to 1,000.
 */
export async function walkPages(
  doc: DynamoDBDocumentClient,
  operation: "Query" | "Scan",
  input: PagedReadInput,
  options: WalkOptions = {},
): Promise<PageWalk> {
  const { want, keep, density } = options;
  let startKey = options.startKey;
  const filtered = input.FilterExpression !== undefined || keep !== undefined;
  const extra = options.peek ? 1 : 0;
  const densityKey = filtered && want !== undefined && density ? FilterDensity.keyOf(input) : undefined;
  let perMatch = densityKey === undefined ? undefined : density!.itemsPerMatch(densityKey);
  let blindLimit = 0; // the doubling page size while nothing has matched and nothing was learned
  let scanned = 0;
  let matched = 0;
  const items: Item[] = [];
  let cut = false;
  const pageInput = pageInputOf(input);
  for (;;) {
    const missing = want === undefined ? undefined : want - items.length;
    let Limit: number | undefined;
    if (missing !== undefined) {
      if (!filtered) Limit = missing + extra;
      else if (perMatch !== undefined)
        Limit = Math.min(Math.max((missing + extra) * perMatch, missing + extra), MAX_FILTERED_LIMIT);
      else Limit = blindLimit = Math.min(Math.max(blindLimit * 2, missing + extra), MAX_FILTERED_LIMIT);
    }
    // one input for every page: sendRequest sends a copy of it (converted), never the object itself
    pageInput.ExclusiveStartKey = startKey;
    pageInput.Limit = Limit;
    const page = await sendPage(doc, operation, pageInput);
    const pageItems = (page.Items ?? []) as Item[];
    let kept = 0;
    for (const item of pageItems) {
      if (want !== undefined && items.length >= want) {
        cut = true;
        break;
      }
      if (!keep || keep(item)) {
        items.push(item);
        kept++;
      }
    }
    if (!cut || !keep) {
      // a page read to its end (or cut, when DynamoDB's Count is exactly what matched) is a fair sample
      scanned += page.ScannedCount ?? pageItems.length;
      matched += keep ? kept : (page.Count ?? pageItems.length);
    }
    startKey = page.LastEvaluatedKey as Item | undefined;
    if (!startKey || cut || (want !== undefined && items.length >= want)) break;
    if (matched > 0) perMatch = Math.max(1, Math.round(scanned / matched));
    else if (perMatch !== undefined) perMatch *= 2; // sparser than learned: grow as a blind walk would
  }
  if (densityKey !== undefined && scanned > 0) density!.learn(densityKey, scanned, matched);
  return { items, exhausted: !cut && !startKey };
}

/** Sums Count over every page of a `Select: "COUNT"` read. */
export async function countPages(
  doc: DynamoDBDocumentClient,
  operation: "Query" | "Scan",
  input: PagedReadInput,
): Promise<number> {
  let total = 0;
  let startKey: Item | undefined;
  const pageInput = pageInputOf(input);
  do {
    pageInput.ExclusiveStartKey = startKey;
    const page = await sendPage(doc, operation, pageInput);
    total += page.Count ?? 0;
    startKey = page.LastEvaluatedKey as Item | undefined;
  } while (startKey);
  return total;
}

type PageInput = PagedReadInput & { ExclusiveStartKey?: Item; Limit?: number };

/**
 * The input a walk sends for every page, with each field in one fixed place. Not `{ ...input }`:
 * inputs come in many shapes (with or without an index, a filter, a projection…), and setting
 * ExclusiveStartKey and Limit on a copy of each shape missed V8's property caches (~9 µs a read on Node 20).
 * Fields left undefined are not sent (`sendRequest` drops them).
 */
function pageInputOf(input: PagedReadInput): PageInput {
  // every field named (typed so): a field added to PagedReadInput and not copied here fails to compile
  const page: Record<keyof PageInput, unknown> = {
    TableName: input.TableName,
    IndexName: input.IndexName,
    KeyConditionExpression: input.KeyConditionExpression,
    FilterExpression: input.FilterExpression,
    ProjectionExpression: input.ProjectionExpression,
    ScanIndexForward: input.ScanIndexForward,
    ConsistentRead: input.ConsistentRead,
    Select: input.Select,
    ExpressionAttributeNames: input.ExpressionAttributeNames,
    ExpressionAttributeValues: input.ExpressionAttributeValues,
    ExclusiveStartKey: undefined,
    Limit: undefined,
  };
  return page as PageInput;
}

function sendPage(doc: DynamoDBDocumentClient, operation: "Query" | "Scan", input: PageInput) {
  return sendRequest(doc, operation, input);
}
