import { cuss } from "cuss";
import type { Doc, Token } from "../document.js";
import type { Hit } from "../hit.js";

/**
 * Profanity from `cuss`, a maintained English list rating each word 0-2 for how likely it is meant as profanity.
 * Its author warns it is no filter on its own: rules pair it with a target. Only rating 2 counts in Dutch drafts,
 * since several milder English entries are ordinary Dutch words ("die").
 */
export function findProfanity(doc: Doc, minRating: 1 | 2): Hit[] {
	const floor = doc.language === "en" ? minRating : 2;
	const hits: Hit[] = [];
	const { tokens } = doc;
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index] as Token;
		if (token.kind !== "word" && token.kind !== "hashtag") continue;
		// The word or its singular, not the stem: stems are not words, and cuss lists misspellings ("pric").
		const { norm } = token;
		const rating = RATINGS.get(norm) ?? (norm.endsWith("s") ? RATINGS.get(norm.slice(0, -1)) : undefined);
		if (rating !== undefined && rating >= floor) {
			hits.push({ start: token.start, end: token.end, firstToken: index, endToken: index + 1, term: norm });
		}
	}
	return hits;
}

/** cuss's ratings by word, in a Map: looked up for every word of every draft. */
const RATINGS = new Map(Object.entries(cuss));
