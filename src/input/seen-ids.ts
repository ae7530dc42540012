/** Slots in a new table; each slot is three numbers: the id's hash (high and low halves) and its line (0: empty). */
const INITIAL_SLOTS = 1024;

/**
 * The ids a file has used so far, each with the line it first appeared on. An id is kept as a 64-bit hash, 12 bytes
 * in a typed array, not as a string in a Map (about 150 bytes each): a batch of 180,000 drafts kept 26 MB of ids
 * alive, now 3 MB. Two different ids (not made to collide) share a hash with a chance of about n²/2⁶⁵: one in a
 * billion for 200,000 ids.
 */
export class SeenIds {
	private slots = new Uint32Array(3 * INITIAL_SLOTS);
	private count = 0;

	/** The line `id` was first seen on; if it is new, undefined, and `line` (1 or more) is remembered as its line. */
	firstLine(id: string, line: number): number | undefined {
		const [high, low] = hash64(id);
		const slot = this.find(high, low);
		if (this.slots[slot + 2] !== 0) return this.slots[slot + 2];
		this.slots.set([high, low, line], slot);
		this.count++;
		if (this.count * 4 > this.capacity * 3) this.grow();
		return undefined;
	}

	/** How many ids the table has room for (a power of two). */
	private get capacity(): number {
		return this.slots.length / 3;
	}

	/** The slot holding this hash, or the empty slot where it belongs (open addressing, linear probing, 3/4 full at most). */
	private find(high: number, low: number): number {
		const mask = this.capacity - 1;
		for (let index = low & mask; ; index = (index + 1) & mask) {
			const slot = 3 * index;
			if (this.slots[slot + 2] === 0) return slot;
			if (this.slots[slot] === high && this.slots[slot + 1] === low) return slot;
		}
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Uint32Array(old.length * 2);
		for (let slot = 0; slot < old.length; slot += 3) {
			const [high = 0, low = 0, line = 0] = old.subarray(slot, slot + 3);
			if (line !== 0) this.slots.set([high, low, line], this.find(high, low));
		}
	}
}

/** Two 32-bit hashes of the UTF-16 code units, murmur3's steps with two seeds, one unit at a time. */
export function hash64(text: string): [number, number] {
	let first = 0x9747b28c;
	let second = 0x1b873593;
	for (let index = 0; index < text.length; index++) {
		const block = Math.imul(rotateLeft(Math.imul(text.charCodeAt(index), 0xcc9e2d51), 15), 0x1b873593);
		first = (Math.imul(rotateLeft(first ^ block, 13), 5) + 0xe6546b64) | 0;
		second = (Math.imul(rotateLeft(second ^ block, 13), 5) + 0xe6546b64) | 0;
	}
	return [avalanche(first ^ text.length) >>> 0, avalanche(second ^ text.length) >>> 0];
}

function rotateLeft(word: number, bits: number): number {
	return (word << bits) | (word >>> (32 - bits));
}

/** Spreads every input bit over the whole word (murmur3's finaliser). */
function avalanche(hash: number): number {
	let mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
	return mixed ^ (mixed >>> 16);
}
