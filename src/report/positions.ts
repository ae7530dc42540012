/**
 * Offsets to 1-based lines and columns (columns in UTF-16 code units, as editors count them). CRLF, lone CR and LF
 * all end a line.
 */
export interface LineIndex {
	/** Offset of the first character of each line. */
	starts: number[];
}

export function indexLines(text: string): LineIndex {
	const starts = [0];
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1);
	}
	return { starts };
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
	return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
