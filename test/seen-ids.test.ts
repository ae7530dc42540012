import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hash64, SeenIds } from "../src/input/seen-ids.js";

/** Ids as batches name their drafts: a file, a counter and a part, so neighbours differ in a character or two. */
function batchIds(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, index) => `easy-ham-${index % 3}/${String(index >> 2).padStart(5, "0")}#${index & 3}`,
	);
}

describe("SeenIds", () => {
	it("gives the line an id was first seen on, and nothing for a new id", () => {
		const seen = new SeenIds();
		expect(seen.firstLine("a1", 1)).toBeUndefined();
		expect(seen.firstLine("a2", 2)).toBeUndefined();
		expect(seen.firstLine("a1", 3)).toBe(1);
		expect(seen.firstLine("a1", 4)).toBe(1);
		expect(seen.firstLine("A1", 5)).toBeUndefined();
		expect(seen.firstLine("", 6)).toBeUndefined();
		expect(seen.firstLine("", 7)).toBe(6);
	});

	it("tells 400,000 batch ids apart and finds each again after the table has grown", () => {
		const ids = [...batchIds(200_000), ...Array.from({ length: 200_000 }, (_, index) => String(index))];
		const seen = new SeenIds();
		const takenForRepeats = ids.filter((id, index) => seen.firstLine(id, index + 1) !== undefined);
		expect(takenForRepeats).toEqual([]);
		const foundOnWrongLine = ids.filter((id, index) => seen.firstLine(id, ids.length + index) !== index + 1);
		expect(foundOnWrongLine).toEqual([]);
	});

	it("answers as a Map of the ids does", () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 3, unit: fc.constantFrom("a", "b", "é", "😀") })), (ids) => {
				const seen = new SeenIds();
				const reference = new Map<string, number>();
				ids.forEach((id, index) => {
					expect(seen.firstLine(id, index + 1)).toBe(reference.get(id));
					if (!reference.has(id)) reference.set(id, index + 1);
				});
			}),
		);
	});
});

describe("hash64", () => {
	// A pair of random 32-bit halves collides n²/2³³ times on n ids (about 19 for 400,000); a hash that spreads batch
	// ids badly collides far more, and its 64 bits would not keep their promise.
	it("spreads batch ids over each 32-bit half as a random function would", () => {
		const ids = [...batchIds(200_000), ...Array.from({ length: 200_000 }, (_, index) => `post-${index}`)];
		for (const half of [0, 1] as const) {
			const values = new Uint32Array(ids.map((id) => hash64(id)[half])).sort();
			const collisions = values.filter((value, index) => index > 0 && value === values[index - 1]).length;
			expect(collisions).toBeLessThan(60);
		}
	});
});
