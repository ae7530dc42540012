import type { Doc, Token } from "../document.js";
import type { Hit } from "../hit.js";

/**
 * Named people. English drafts ask compromise (its Person tag); Dutch has no tagger here, so a capitalised word that
 * does not start its sentence stands in for a name.
 */
export function findPeople(doc: Doc): Hit[] {
	const isPerson =
		doc.language === "en"
			? (_token: Token, index: number) => doc.tags()[index]?.tags.has("Person") ?? false
			: (token: Token, index: number) =>
					token.kind === "word" &&
					/^\p{Lu}\p{Ll}+$/u.test(token.text) &&
					doc.sentences[token.sentence]?.firstToken !== index;
	const hits: Hit[] = [];
	for (const [index, token] of doc.tokens.entries()) {
		if (!isPerson(token, index)) continue;
		const last = hits.at(-1);
		if (last && last.endToken === index) {
			last.end = token.end;
			last.endToken = index + 1;
		} else hits.push({ start: token.start, end: token.end, firstToken: index, endToken: index + 1, term: token.text });
	}
	return hits;
}
