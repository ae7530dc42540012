import type { Doc, Token } from "../document.js";
import type { Hit } from "../hit.js";

const MIN_RUN = 3;

/** Runs of three or more words in capitals ("YOU ARE USELESS"); single acronyms such as "CEO" are not shouting. */
export function findShouting(doc: Doc): Hit[] {
	const hits: Hit[] = [];
	let runStart = -1;
	const close = (end: number) => {
		if (runStart >= 0 && end - runStart >= MIN_RUN) hits.push(spanOf(doc.tokens, runStart, end, "capitals"));
		runStart = -1;
	};
	for (const [index, token] of doc.tokens.entries()) {
		if (token.kind === "punct" && token.text !== "!" && token.text !== "?") continue;
		const loud =
			token.kind === "word" &&
			token.text.length >= 2 &&
			/\p{Lu}/u.test(token.text) &&
			token.text === token.text.toUpperCase();
		if (loud) runStart = runStart < 0 ? index : runStart;
		else close(index);
	}
	close(doc.tokens.length);
	return hits;
}

/** Two or more exclamation marks in a row ("!!", "?!!"). */
export function findExclamations(doc: Doc): Hit[] {
	const hits: Hit[] = [];
	const { tokens } = doc;
	for (let index = 0; index < tokens.length; index++) {
		let end = index;
		while (end < tokens.length && /^[!?]$/.test((tokens[end] as Token).text)) end++;
		const marks = tokens.slice(index, end).filter((token) => token.text === "!").length;
		if (end - index >= 2 && marks >= 1) hits.push(spanOf(tokens, index, end, "!!"));
		index = Math.max(index, end - 1);
	}
	return hits;
}

function spanOf(tokens: Token[], first: number, end: number, term: string): Hit {
	return {
		start: (tokens[first] as Token).start,
		end: (tokens[end - 1] as Token).end,
		firstToken: first,
		endToken: end,
		term,
	};
}
