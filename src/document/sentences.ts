import type { RawToken } from "./tokenize.js";

/** A sentence as a half-open range of token indexes and its span in the draft. */
export interface Sentence {
	start: number;
	end: number;
	firstToken: number;
	endToken: number;
}

const TERMINAL = new Set([".", "!", "?", "…", "。"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "»"]);
const ABBREVIATIONS = new Set([
	"mr",
	"mrs",
	"ms",
	"dr",
	"prof",
	"st",
	"vs",
	"etc",
	"inc",
	"ltd",
	"co",
	"jr",
	"sr",
	"no",
	"approx",
	"dhr",
	"mevr",
	"mw",
	"bijv",
	"bv",
	"ca",
	"nr",
	"evt",
	"ong",
]);

/**
 * Splits tokens into sentences: after terminal punctuation (unless it closes a known abbreviation) and at every line
 * break, since posts use line breaks where prose would use full stops.
 */
export function splitSentences(text: string, tokens: RawToken[]): Sentence[] {
	const sentences: Sentence[] = [];
	let first = 0;
	const close = (endToken: number) => {
		if (endToken <= first) return;
		const firstToken = tokens[first];
		const lastToken = tokens[endToken - 1];
		if (firstToken && lastToken) {
			sentences.push({ start: firstToken.start, end: lastToken.end, firstToken: first, endToken });
		}
		first = endToken;
	};
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index] as RawToken;
		const next = tokens[index + 1];
		if (!next) break;
		if (text.slice(token.end, next.start).includes("\n")) {
			close(index + 1);
			continue;
		}
		if (!TERMINAL.has(token.text) || TERMINAL.has(next.text) || CLOSERS.has(next.text)) {
			if (CLOSERS.has(token.text) && next.start > token.end && endsSentence(tokens, index - 1)) close(index + 1);
			continue;
		}
		if (next.start === token.end) continue;
		if (token.text === "." && isAbbreviation(tokens[index - 1])) continue;
		close(index + 1);
	}
	close(tokens.length);
	return sentences;
}

function endsSentence(tokens: RawToken[], index: number): boolean {
	const token = tokens[index];
	return token !== undefined && TERMINAL.has(token.text);
}

function isAbbreviation(token: RawToken | undefined): boolean {
	if (token?.kind !== "word") return false;
	return ABBREVIATIONS.has(token.text.toLowerCase()) || /^\p{L}$/u.test(token.text) || token.text.includes(".");
}
