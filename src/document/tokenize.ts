import { INVISIBLE_CLASS } from "./normalize.js";

/** What a token is: rules treat URLs, handles and tags differently from words. */
export type TokenKind = "word" | "number" | "hashtag" | "mention" | "url" | "email" | "emoji" | "punct";

/** A token's text and its half-open span in UTF-16 code units of the draft. */
export interface RawToken {
	kind: TokenKind;
	text: string;
	start: number;
	end: number;
}

const LETTER = `\\p{L}\\p{M}${INVISIBLE_CLASS}`;
const ALNUM = `\\p{L}\\p{M}\\p{N}${INVISIBLE_CLASS}`;
const EMOJI =
	"\\p{Extended_Pictographic}(?:\\uFE0F|\\p{EMod})*(?:\\u200D\\p{Extended_Pictographic}(?:\\uFE0F|\\p{EMod})*)*";

// Order matters: the first alternative that matches at a position wins.
const TOKEN = new RegExp(
	[
		'(?<url>(?:https?:\\/\\/|www\\.)[^\\s<>"]+|(?:[\\p{L}\\p{N}-]+\\.)+(?:com|org|net|io|nl|be|de|eu|co|uk|app|dev|ai|info|biz|internal|corp|local|lan|intra|intranet)\\b(?:\\/[^\\s<>"]*)?)',
		"(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)",
		`(?<mention>@[${ALNUM}_]+(?:@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)?)`,
		`(?<hashtag>#[${ALNUM}_]+)`,
		`(?<word>[${LETTER}][${ALNUM}]*(?:['’\\-_.&][${ALNUM}]+)*|\\p{N}+[${LETTER}][${ALNUM}]*)`,
		"(?<number>\\p{N}+(?:[.,:]\\p{N}+)*)",
		`(?<emoji>${EMOJI}|[\\u{1F1E6}-\\u{1F1FF}]{2})`,
		"(?<punct>[^\\s])",
	].join("|"),
	"gu",
);
const TRAILING_URL_PUNCTUATION = /[.,;:!?)\]}'"’”]+$/;
const ABBREVIATION_DOT = /^(?:[\p{L}]\.){2,}$/u;

/** Splits a draft into tokens with exact offsets; whitespace is not a token. */
export function tokenize(text: string): RawToken[] {
	const tokens: RawToken[] = [];
	for (const match of text.matchAll(TOKEN)) {
		const groups = match.groups ?? {};
		const kind = (Object.keys(groups) as TokenKind[]).find((name) => groups[name] !== undefined) ?? "punct";
		let value = match[0];
		if (kind === "url") value = value.replace(TRAILING_URL_PUNCTUATION, "");
		const start = match.index;
		if (kind === "word" && value.includes(".") && !ABBREVIATION_DOT.test(`${value}.`)) {
			pushDottedWord(tokens, value, start);
			continue;
		}
		tokens.push({ kind, text: value, start, end: start + value.length });
		if (value.length < match[0].length) pushTrailing(tokens, match[0].slice(value.length), start + value.length);
	}
	return tokens;
}

/** "done.Next" is two words and a full stop; "e.g" and "o.a" stay whole. */
function pushDottedWord(tokens: RawToken[], value: string, start: number): void {
	let offset = start;
	for (const [index, part] of value.split(".").entries()) {
		if (index > 0) {
			tokens.push({ kind: "punct", text: ".", start: offset, end: offset + 1 });
			offset += 1;
		}
		if (part) tokens.push({ kind: "word", text: part, start: offset, end: offset + part.length });
		offset += part.length;
	}
}

function pushTrailing(tokens: RawToken[], rest: string, start: number): void {
	for (const [index, char] of [...rest].entries()) {
		tokens.push({ kind: "punct", text: char, start: start + index, end: start + index + char.length });
	}
}
