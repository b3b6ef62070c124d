import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import { testClientConfig } from "../../helpers/test-dynamite.js";

type Row = Record<string, any>;

/** The sample's orders, order items and products as stored, read with the raw SDK (no Dynamite code involved). */
export interface StoredShop {
  orders: Row[];
  items: Row[];
  products: Row[];
}

async function scanAll(doc: DynamoDBDocumentClient, table: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const page of paginateScan({ client: doc }, { TableName: table, ConsistentRead: true }))
    rows.push(...(page.Items ?? []));
  return rows;
}

/** Scans the sample's tables in the database of `accessKeyId` on the run's DynamoDB Local. */
export async function readStoredShop(accessKeyId: string): Promise<StoredShop> {
  const client = new DynamoDBClient(testClientConfig(accessKeyId));
  const doc = DynamoDBDocumentClient.from(client);
  try {
    const [orders, items, products] = await Promise.all(
      ["orders", "order_items", "products"].map((table) => scanAll(doc, table)),
    );
    return { orders: orders!, items: items!, products: products! };
  } finally {
    client.destroy();
  }
}
