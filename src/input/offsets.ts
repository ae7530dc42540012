/**
 * Where a draft's characters are in the file it came from. A draft cut out of a multi-draft file starts somewhere
 * inside it, and a quoted CSV field or a JSON string holds escapes (`""`, `\n`, `\u00e9`) that are one character in
 * the draft but several in the file: each anchor says "from this draft offset on, the file advances in step, starting
 * at this file offset", so every draft offset maps to a file offset and an escape maps to where it starts.
 */
export interface OffsetMap {
	/** `[draftOffset, fileOffset]` pairs, draft offsets ascending, the first one 0. */
	anchors: [number, number][];
}

/** A draft that is a verbatim slice of its file, starting at `start`. */
export function sliceAt(start: number): OffsetMap {
	return { anchors: [[0, start]] };
}

/** The file offset of a draft offset (a span's start or its exclusive end). */
export function toFileOffset(map: OffsetMap, offset: number): number {
	const { anchors } = map;
	let low = 0;
	let high = anchors.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((anchors[middle] as [number, number])[0] <= offset) low = middle;
		else high = middle - 1;
	}
	const [draftOffset, fileOffset] = anchors[low] as [number, number];
	return fileOffset + offset - draftOffset;
}

/** Builds a map while a parser decodes a field: call `escape` after each escape it turns into one character. */
export class OffsetMapBuilder {
	readonly map: OffsetMap;

	constructor(fileStart: number) {
		this.map = sliceAt(fileStart);
	}

	/** The escape just decoded ends the draft's character at `draftOffset` at `fileEnd` in the file. */
	escape(draftOffset: number, fileEnd: number): void {
		this.map.anchors.push([draftOffset + 1, fileEnd]);
	}
}
