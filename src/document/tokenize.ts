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

/** The character classes the token grammar is written in. */
interface TokenClasses {
	letter: string;
	alnum: string;
	letterOrDigit: string;
	digit: string;
	emoji: string;
}

const EMOJI =
	"\\p{Extended_Pictographic}(?:\\uFE0F|\\p{EMod})*(?:\\u200D\\p{Extended_Pictographic}(?:\\uFE0F|\\p{EMod})*)*";
const UNICODE_CLASSES: TokenClasses = {
	letter: `\\p{L}\\p{M}${INVISIBLE_CLASS}`,
	alnum: `\\p{L}\\p{M}\\p{N}${INVISIBLE_CLASS}`,
	letterOrDigit: "\\p{L}\\p{N}",
	digit: "\\p{N}",
	emoji: `${EMOJI}|[\\u{1F1E6}-\\u{1F1FF}]{2}`,
};
/** The same classes restricted to ASCII, where they match exactly the same: a far smaller expression to compile. */
const ASCII_CLASSES: TokenClasses = {
	letter: "A-Za-z",
	alnum: "A-Za-z0-9",
	letterOrDigit: "A-Za-z0-9",
	digit: "0-9",
	emoji: "(?!)",
};

/**
 * The token grammar: one capturing group per kind, in this order, and no other capturing groups, so a match's kind
 * is the first group it filled. Order matters: the first alternative that matches at a position wins.
 */
const KINDS: TokenKind[] = ["url", "email", "mention", "hashtag", "word", "number", "emoji", "punct"];

function tokenPattern({ letter, alnum, letterOrDigit, digit, emoji }: TokenClasses): RegExp {
	return new RegExp(
		[
			`((?:https?:\\/\\/|www\\.)[^\\s<>"]+|(?:[${letterOrDigit}-]+\\.)+(?:com|org|net|io|nl|be|de|eu|co|uk|app|dev|ai|info|biz|internal|corp|local|lan|intra|intranet)\\b(?:\\/[^\\s<>"]*)?)`,
			`([${letterOrDigit}._%+-]+@[${letterOrDigit}-]+(?:\\.[${letterOrDigit}-]+)+)`,
			`(@[${alnum}_]+(?:@[${letterOrDigit}-]+(?:\\.[${letterOrDigit}-]+)+)?)`,
			`(#[${alnum}_]+)`,
			`([${letter}][${alnum}]*(?:['’\\-_.&][${alnum}]+)*|[${digit}]+[${letter}][${alnum}]*)`,
			`([${digit}]+(?:[.,:][${digit}]+)*)`,
			`(${emoji})`,
			"([^\\s])",
		].join("|"),
		"gu",
	);
}

const TOKEN = tokenPattern(UNICODE_CLASSES);
const ASCII_TOKEN = tokenPattern(ASCII_CLASSES);
const NON_ASCII = /[\u0080-\uffff]/;
const TRAILING_URL_PUNCTUATION = /[.,;:!?)\]}'"’”]+$/;
const ABBREVIATION_DOT = /^(?:[\p{L}]\.){2,}$/u;

/** Splits a draft into tokens with exact offsets; whitespace is not a token. */
export function tokenize(text: string): RawToken[] {
	const tokens: RawToken[] = [];
	for (const match of text.matchAll(NON_ASCII.test(text) ? TOKEN : ASCII_TOKEN)) {
		let group = 1;
		while (group < KINDS.length && match[group] === undefined) group++;
		const kind = KINDS[group - 1] as TokenKind;
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
