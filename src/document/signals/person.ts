import type { Doc, Token } from "../document.js";
import type { Hit, TokenWindow } from "../hit.js";

/**
 * Named people. English drafts ask compromise (its Person tag); Dutch has no tagger here, so a capitalised word that
 * does not start its sentence stands in for a name. Given a window, only the names that share a token with it are
 * found, so only the sentences around it are tagged; a name reaching across the window's edge is still found whole.
 */
export function findPeople(doc: Doc, window?: TokenWindow): Hit[] {
	const isPerson =
		doc.language === "en"
			? (_token: Token, index: number) => doc.tagsAt(index).tags.has("Person")
			: (token: Token, index: number) =>
					token.kind === "word" &&
					/^\p{Lu}\p{Ll}+$/u.test(token.text) &&
					doc.sentences[token.sentence]?.firstToken !== index;
	const { tokens } = doc;
	const personAt = (index: number) => isPerson(tokens[index] as Token, index);
	const to = window?.to ?? tokens.length;
	let start = Math.max(0, window?.from ?? 0);
	if (start < tokens.length && personAt(start)) while (start > 0 && personAt(start - 1)) start--;
	const hits: Hit[] = [];
	for (let index = start; index < tokens.length; index++) {
		const last = hits.at(-1);
		const inName = last !== undefined && last.endToken === index;
		if (index >= to && !inName) break;
		if (!personAt(index)) continue;
		const token = tokens[index] as Token;
		if (last && inName) {
			last.end = token.end;
			last.endToken = index + 1;
		} else hits.push({ start: token.start, end: token.end, firstToken: index, endToken: index + 1, term: token.text });
	}
	return hits;
}
