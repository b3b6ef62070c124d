import type { Shard } from "@aws-sdk/client-dynamodb-streams";

/**
 * The shards to read now: not finished, and whose parent is finished or no longer listed (trimmed
 * after 24 hours). A child waits for its parent because a key's older changes are in the parent.
 */
export function readyShards(shards: readonly Shard[], finished: ReadonlySet<string>): Shard[] {
  const listed = new Set(shards.map((shard) => shard.ShardId));
  return shards.filter((shard) => {
    if (!shard.ShardId || finished.has(shard.ShardId)) return false;
    const parent = shard.ParentShardId;
    return !parent || !listed.has(parent) || finished.has(parent);
  });
}
