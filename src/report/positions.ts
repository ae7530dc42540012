/**
 * Offsets to 1-based lines and columns (columns in UTF-16 code units, as editors count them). CRLF, lone CR and LF
 * all end a line.
 */
export interface LineIndex {
	/** Offset of the first character of each line. */
	starts: number[];
	/** The line number of the first of them. */
	firstLine: number;
}

/**
 * The lines of `text`, which starts a line of a larger text at `start` (the lines of a draft's record in its file,
 * so findings are placed without indexing the whole file); by default it is the whole text.
 */
export function indexLines(text: string, start: { offset: number; line: number } = { offset: 0, line: 1 }): LineIndex {
	const starts = [start.offset];
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(start.offset + index + 1);
	}
	return { starts, firstLine: start.line };
}

export function positionOf(index: LineIndex, offset: number): { line: number; column: number } {
	const { starts } = index;
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] as number) <= offset) low = middle;
		else high = middle - 1;
	}
	return { line: index.firstLine + low, column: offset - (starts[low] as number) + 1 };
}
