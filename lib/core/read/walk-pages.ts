import { QueryCommand, ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PagedReadInput } from "./read-input.js";

type Item = Record<string, unknown>;

/** What a walk over Query/Scan pages collected. */
export interface PageWalk {
  items: Item[];
  /** True when DynamoDB has nothing after the last returned item. */
  exhausted: boolean;
}

/**
 * A filtered read's first page asks for exactly what is missing (the common filter, soft delete,
 * matches almost everything); each further page doubles its Limit up to this cap, so sparse
 * matches cost few round trips and at most about twice the items a perfect guess would read.
 */
const MAX_FILTERED_LIMIT = 1_000;

/**
 * Follows LastEvaluatedKey only until `want` matching items are collected (all of them when `want`
 * is undefined); `keep` drops items that fail conditions checked here rather than by DynamoDB. Without a filter every item matches, so Limit asks for exactly what is missing
 * (plus one with `peek`, to know whether anything follows).
 */
export async function walkPages(
  doc: DynamoDBDocumentClient,
  operation: "Query" | "Scan",
  input: PagedReadInput,
  want: number | undefined,
  startKey?: Item,
  peek = false,
  keep?: (item: Item) => boolean,
): Promise<PageWalk> {
  const filtered = input.FilterExpression !== undefined || keep !== undefined;
  // a paginated read asks for one item more than it returns, so the last page can say it is the last
  const extra = peek ? 1 : 0;
  const items: Item[] = [];
  let pageLimit = want;
  let cut = false;
  for (;;) {
    const missing = want === undefined ? undefined : want - items.length;
    const Limit = missing === undefined ? undefined : filtered ? Math.max(pageLimit!, missing + extra) : missing + extra;
    const page = await sendPage(doc, operation, { ...input, ExclusiveStartKey: startKey, Limit });
    for (const item of (page.Items ?? []) as Item[]) {
      if (want !== undefined && items.length >= want) {
        cut = true;
        break;
      }
      if (!keep || keep(item)) items.push(item);
    }
    startKey = page.LastEvaluatedKey as Item | undefined;
    if (!startKey || cut || (want !== undefined && items.length >= want)) break;
    if (pageLimit !== undefined) pageLimit = Math.min(pageLimit * 2, MAX_FILTERED_LIMIT);
  }
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
  do {
    const page = await sendPage(doc, operation, { ...input, ExclusiveStartKey: startKey });
    total += page.Count ?? 0;
    startKey = page.LastEvaluatedKey as Item | undefined;
  } while (startKey);
  return total;
}

function sendPage(
  doc: DynamoDBDocumentClient,
  operation: "Query" | "Scan",
  input: PagedReadInput & { ExclusiveStartKey?: Item; Limit?: number },
) {
  return operation === "Query" ? doc.send(new QueryCommand(input)) : doc.send(new ScanCommand(input));
}
