/**
 * Splitting a very long draft into parts that are checked one at a time. Drafts are posts: a quarter of a megabyte is
 * already far beyond any platform's limit (a LinkedIn article stops at 125,000 characters), and a document's tokens and
 * tags take a hundred times its size in memory and more, so a 50 MB file would not fit in one piece. Parts end at a line break where there is one, else at a space, else anywhere between
 * two code points. Rules that look at the whole document ("a disclaimer anywhere") see one part at a time.
 */

/** The longest part, in UTF-16 code units. */
export const PART_LENGTH = 250_000;

/** Half-open spans covering the text without gaps or overlaps; one span for a text no longer than `maxLength`. */
export function splitParts(text: string, maxLength = PART_LENGTH): { start: number; end: number }[] {
	const parts: { start: number; end: number }[] = [];
	let start = 0;
	while (text.length - start > maxLength) {
		const end = cutPoint(text, start, start + maxLength);
		parts.push({ start, end });
		start = end;
	}
	parts.push({ start, end: text.length });
	return parts;
}

/** The end of a part that must end by `limit`: after the last line break, else the last space, in its second half. */
function cutPoint(text: string, start: number, limit: number): number {
	const floor = start + Math.floor((limit - start) / 2);
	for (const separator of ["\n", "\r", " "]) {
		const at = text.lastIndexOf(separator, limit - 1);
		if (at >= floor) return at + 1;
	}
	const code = text.charCodeAt(limit - 1);
	return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
