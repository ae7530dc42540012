import { createHash } from "node:crypto";

/** One part of a run split across machines: `index` of `count`, 1-based, as `--shard 2/4` says. */
export interface Shard {
	index: number;
	count: number;
}

/** Parses `i/n`; undefined when it is not a shard of 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard | undefined {
	const match = /^(\d+)\/(\d+)$/.exec(value.trim());
	if (!match) return undefined;
	const index = Number(match[1]);
	const count = Number(match[2]);
	return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * Whether a draft belongs to a shard: decided by a hash of its reported name alone, so every machine of a CI matrix
 * agrees without talking to the others, each draft lands in exactly one shard, and adding a draft moves no other.
 */
export function inShard(name: string, shard: Shard): boolean {
	const bucket = createHash("sha256").update(name).digest().readUInt32BE(0) % shard.count;
	return bucket === shard.index - 1;
}
