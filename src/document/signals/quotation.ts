import type { Doc, Token } from "../document.js";
import type { Hit } from "../hit.js";

const OPENERS: Record<string, string> = { '"': '"', "“": "”", "„": "”", "«": "»", "‘": "’", "'": "'" };

/** Quoted passages within a sentence: words someone else said, or a term being mentioned rather than used. */
export function findQuotations(doc: Doc): Hit[] {
	const hits: Hit[] = [];
	const { tokens } = doc;
	for (let index = 0; index < tokens.length; index++) {
		const opener = tokens[index] as Token;
		const closer = opener.kind === "punct" ? OPENERS[opener.text] : undefined;
		if (!closer) continue;
		for (let end = index + 1; end < tokens.length; end++) {
			const token = tokens[end] as Token;
			if (token.sentence !== opener.sentence && token.text !== closer) break;
			if (token.text === closer && end > index + 1) {
				hits.push({ start: opener.start, end: token.end, firstToken: index, endToken: end + 1, term: "quotation" });
				index = end;
				break;
			}
		}
	}
	return hits;
}
