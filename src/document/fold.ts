import { HOMOGLYPHS, INVISIBLE } from "./normalize.js";

/**
 * The draft as regular expressions see it: invisible characters dropped, full-width ASCII and Latin look-alikes from
 * other scripts turned into plain Latin, case kept. "conf\u200Bidential", "ｉｎｔｅｒｎａｌ" and a Cyrillic "а" in a host
 * name then meet patterns written in plain ASCII, and every match maps back to the span the user wrote.
 */
export interface FoldedText {
	text: string;
	/** The span in the original draft that a half-open span of `text` came from (dropped characters inside included). */
	toOriginal(start: number, end: number): { start: number; end: number };
}

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
/** U+FF01..U+FF5E are U+0021..U+007E in full width. */
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

const LOOK_ALIKES = new Map<string, string>(
	Object.entries(HOMOGLYPHS).flatMap(([foreign, latin]) => [
		[foreign, latin],
		[foreign.toUpperCase(), latin.toUpperCase()],
	]),
);
const INVISIBLE_CHAR = new RegExp(`^${INVISIBLE.source}$`);
const INVISIBLE_CODES = Uint8Array.from({ length: 0x10000 }, (_, code) =>
	INVISIBLE_CHAR.test(String.fromCharCode(code)) ? 1 : 0,
);
const FOLDABLE = new RegExp(`${INVISIBLE.source}|[\\uFF01-\\uFF5E\\u3000${[...LOOK_ALIKES.keys()].join("")}]`);

/** Folds a draft for pattern matching; linear in its length, and free when there is nothing to fold. */
export function foldText(original: string): FoldedText {
	if (!FOLDABLE.test(original)) return { text: original, toOriginal: (start, end) => ({ start, end }) };
	const parts: string[] = [];
	// Where the count of dropped characters changes: from folded offset `at` on, add `dropped` to get the original.
	const shifts: { at: number; dropped: number }[] = [{ at: 0, dropped: 0 }];
	let runStart = 0;
	for (let index = 0; index < original.length; index++) {
		const code = original.charCodeAt(index);
		if (code < 0x80) continue;
		const folded = INVISIBLE_CODES[code] ? "" : foldChar(code, original.charAt(index));
		if (folded === original.charAt(index)) continue;
		parts.push(original.slice(runStart, index), folded);
		runStart = index + 1;
		if (folded === "") {
			const previous = shifts[shifts.length - 1] as { dropped: number };
			shifts.push({ at: index - previous.dropped, dropped: previous.dropped + 1 });
		}
	}
	parts.push(original.slice(runStart));
	const toOriginalOffset = (offset: number) => offset + shiftAt(shifts, offset);
	return {
		text: parts.join(""),
		toOriginal: (start, end) => ({
			start: toOriginalOffset(start),
			end: end > start ? toOriginalOffset(end - 1) + 1 : toOriginalOffset(start),
		}),
	};
}

function foldChar(code: number, char: string): string {
	if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
	if (code === IDEOGRAPHIC_SPACE) return " ";
	return LOOK_ALIKES.get(char) ?? char;
}

/** The dropped count in force at a folded offset: the last shift at or before it. */
function shiftAt(shifts: readonly { at: number; dropped: number }[], offset: number): number {
	let low = 0;
	let high = shifts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((shifts[middle] as { at: number }).at <= offset) low = middle;
		else high = middle - 1;
	}
	return (shifts[low] as { dropped: number }).dropped;
}
