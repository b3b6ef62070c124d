import type { AttributeValue, CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { compareValues, type Item } from "./expression-eval.js";

/** Key attribute names of the table or one of its indexes. */
export interface KeyNames {
  hash: string;
  range?: string;
}

interface PartitionView {
  version: number;
  partitions: Map<string, Item[]>;
}

function keyNamesOf(schema: Array<{ AttributeName?: string; KeyType?: string }>): KeyNames {
  return {
    hash: schema.find((key) => key.KeyType === "HASH")!.AttributeName!,
    range: schema.find((key) => key.KeyType === "RANGE")?.AttributeName,
  };
}

/** The string form of a scalar key value (type-tagged so "1" and 1 differ). */
export function scalarKey(value: AttributeValue | undefined): string {
  if (!value) return "";
  if (value.S !== undefined) return `S${value.S}`;
  if (value.N !== undefined) return `N${Number(value.N)}`;
  return `B${Buffer.from(value.B ?? []).toString("base64")}`;
}

/**
 * One in-memory table: items by primary key in insertion order, and per-index partitions sorted
 * by the range key, rebuilt lazily after writes (reads between writes are cheap).
 */
export class MemoryTable {
  readonly key: KeyNames;
  readonly indexes = new Map<string, KeyNames>();
  readonly items = new Map<string, Item>();
  private version = 0;
  private readonly views = new Map<string, PartitionView>();
  private scanCache?: { version: number; list: Item[]; positions: Map<string, number> };

  constructor(readonly definition: CreateTableCommandInput) {
    this.key = keyNamesOf(definition.KeySchema!);
    for (const index of [...(definition.GlobalSecondaryIndexes ?? []), ...(definition.LocalSecondaryIndexes ?? [])]) {
      this.indexes.set(index.IndexName!, keyNamesOf(index.KeySchema!));
    }
  }

  keyOf(item: Item): string {
    return `${scalarKey(item[this.key.hash])}|${scalarKey(this.key.range ? item[this.key.range] : undefined)}`;
  }

  /** The primary key attributes of `item` (plus the index key when `index` is given). */
  keyAttributes(item: Item, index?: KeyNames): Item {
    const key: Item = { [this.key.hash]: item[this.key.hash] };
    if (this.key.range) key[this.key.range] = item[this.key.range];
    if (index) {
      key[index.hash] = item[index.hash];
      if (index.range) key[index.range] = item[index.range];
    }
    return key;
  }

  get(key: Item): Item | undefined {
    return this.items.get(this.keyOf(key));
  }

  put(item: Item): void {
    this.items.set(this.keyOf(item), item);
    this.version++;
  }

  delete(key: Item): void {
    if (this.items.delete(this.keyOf(key))) this.version++;
  }

  /** Items of one partition of the table (no index name) or of an index, sorted by range key. */
  partition(indexName: string | undefined, hashValue: AttributeValue): Item[] {
    const names = indexName ? this.indexes.get(indexName) : this.key;
    if (!names) throw new Error(`The table does not have the specified index: ${indexName}`);
    const viewName = indexName ?? "";
    let view = this.views.get(viewName);
    if (!view || view.version !== this.version) {
      view = { version: this.version, partitions: this.buildPartitions(names) };
      this.views.set(viewName, view);
    }
    return view.partitions.get(scalarKey(hashValue)) ?? [];
  }

  /** All items in a stable order, with the position of each key (for ExclusiveStartKey). */
  scanList(): { list: Item[]; positions: Map<string, number> } {
    if (!this.scanCache || this.scanCache.version !== this.version) {
      const list = [...this.items.values()];
      this.scanCache = { version: this.version, list, positions: new Map(list.map((item, i) => [this.keyOf(item), i])) };
    }
    return this.scanCache;
  }

  private buildPartitions(names: KeyNames): Map<string, Item[]> {
    const partitions = new Map<string, Item[]>();
    for (const item of this.items.values()) {
      const hash = item[names.hash];
      if (!hash || (names.range && !item[names.range])) continue; // sparse index
      const key = scalarKey(hash);
      let list = partitions.get(key);
      if (!list) partitions.set(key, (list = []));
      list.push(item);
    }
    const range = names.range;
    if (range) for (const list of partitions.values()) list.sort((a, b) => compareValues(a[range], b[range]) ?? 0);
    return partitions;
  }
}
