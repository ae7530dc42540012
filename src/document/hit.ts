import type { Doc, Token } from "./document.js";

/** Where a matcher found something: a span in the draft and the tokens it covers. */
export interface Hit {
	start: number;
	end: number;
	firstToken: number;
	/** Exclusive. */
	endToken: number;
	/** The list entry or pattern that matched, for the finding's reasons. */
	term: string;
	/** Extra `{name}` placeholder values for the message, e.g. `{count}` and `{over}` from a limit. */
	values?: Record<string, string>;
}

/** A half-open range of token indexes: a hit is in it when it shares a token with it. */
export interface TokenWindow {
	from: number;
	to: number;
}

/** Turns a character span (from a regular expression, say) into a hit over the tokens it touches. */
export function hitFromSpan(doc: Doc, start: number, end: number, term: string): Hit {
	const { tokens } = doc;
	// A span after the last token (trailing whitespace) still belongs to the last sentence.
	const firstToken = Math.min(firstEndingAfter(tokens, start), Math.max(0, tokens.length - 1));
	let endToken = firstToken;
	while (endToken < tokens.length && (tokens[endToken] as Token).start < end) endToken++;
	return { start, end, firstToken, endToken: Math.max(endToken, firstToken + 1), term };
}

/** The index of the first of some spans, in text order, that ends after `offset` (binary search). */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((spans[middle] as { end: number }).end <= offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The sentence a hit starts in. */
export function sentenceOf(doc: Doc, hit: Hit): number {
	return (doc.tokens[Math.min(hit.firstToken, doc.tokens.length - 1)] as Token | undefined)?.sentence ?? 0;
}
