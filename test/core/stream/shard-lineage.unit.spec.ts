import { describe, expect, it } from "@jest/globals";
import { readyShards } from "../../../lib/core/stream/shard-lineage.js";

// DynamoDB Local keeps one shard per stream, so the lineage rule is proven on DescribeStream-shaped data.
const shard = (ShardId: string, ParentShardId?: string) => ({ ShardId, ...(ParentShardId && { ParentShardId }) });

describe("readyShards: parents before children along the shard lineage", () => {
  const shards = [shard("a"), shard("b", "a"), shard("c", "b"), shard("d", "gone-after-24h"), shard("e")];

  it("reads roots and shards whose parent is trimmed; a child waits until its parent is finished", () => {
    expect(readyShards(shards, new Set()).map((s) => s.ShardId)).toEqual(["a", "d", "e"]);
    expect(readyShards(shards, new Set(["a"])).map((s) => s.ShardId)).toEqual(["b", "d", "e"]);
    expect(readyShards(shards, new Set(["a", "b", "d"])).map((s) => s.ShardId)).toEqual(["c", "e"]);
  });

  it("a split (two children of one parent) releases both children together; finished shards are never read again", () => {
    const split = [shard("p"), shard("left", "p"), shard("right", "p")];
    expect(readyShards(split, new Set()).map((s) => s.ShardId)).toEqual(["p"]);
    expect(readyShards(split, new Set(["p"])).map((s) => s.ShardId)).toEqual(["left", "right"]);
    expect(readyShards(split, new Set(["p", "left", "right"]))).toEqual([]);
  });
});
