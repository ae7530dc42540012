import type { Language } from "../contracts/config.js";
import type { Doc, Token } from "../document/document.js";
import type { Hit } from "../document/hit.js";
import { normalize } from "../document/normalize.js";
import { stem } from "../document/stem.js";
import { tokenize } from "../document/tokenize.js";

/**
 * Word lists compiled for fast lookup. An entry is a word or phrase, compared on stems, so inflections meet
 * ("launch" finds "launched"); `=word` compares the folded form exactly; `word*` matches any word starting so and
 * `*word` any word ending so (Dutch compounds: "kanker*" finds "kankerlijer", "*ongeluk" finds "busongeluk"). An
 * entry also matches glued into one token, as in a hashtag ("Skyline 5" finds "#Skyline5", "MT overleg" finds
 * "MT-overleg"), and a hyphenated word is also known by each of its parts ("monteurs" finds "Netlicht-monteurs").
 * An entry written as "@handle" or "#tag" matches only a handle or a tag.
 */

type WordMode = "stem" | "exact" | "prefix" | "suffix";
interface WordPattern {
	/** What a token's stems (stem mode) or folded form (the other modes) is compared with. */
	value: string;
	mode: WordMode;
	/** The folded word as written, for the glued form of a phrase. */
	norm: string;
	/** Written as "@handle" or "#tag": matches only a handle or only a tag. */
	sign?: "mention" | "hashtag";
}
interface Entry {
	term: string;
	words: WordPattern[];
}

export interface TermIndex {
	/** Entries by the value of their first word (stem and exact words). */
	byFirst: Map<string, Entry[]>;
	/** Entries whose first word is a prefix pattern, by the prefix's first character. */
	prefixed: Map<string, Entry[]>;
	/** Entries whose first word is a suffix pattern, by the suffix's last character. */
	suffixed: Map<string, Entry[]>;
	/** Entries by their glued form. */
	byGlued: Map<string, string>;
}

const MATCHABLE = new Set<Token["kind"]>(["word", "number", "hashtag", "mention", "emoji"]);

/**
 * Compiles a word list for one language. Names (`names: true`, the organisation's vocabulary) written with a hyphen
 * also match with a space ("ZK-app" finds "ZK app"); a word list's "has-been" must not find "has been".
 */
export function compileTerms(terms: readonly string[], language: Language, names = false): TermIndex {
	const index: TermIndex = { byFirst: new Map(), prefixed: new Map(), suffixed: new Map(), byGlued: new Map() };
	for (const term of names ? terms.flatMap(withSpacedHyphens) : terms) {
		const words = parseTerm(term, language);
		const first = words[0];
		if (!first) continue;
		const entry = { term, words };
		if (first.mode === "prefix") addTo(index.prefixed, first.value.charAt(0), entry);
		else if (first.mode === "suffix") addTo(index.suffixed, first.value.charAt(first.value.length - 1), entry);
		else addTo(index.byFirst, first.value, entry);
		const gluable = words.every((word) => (word.mode === "stem" || word.mode === "exact") && !word.sign);
		if (gluable) index.byGlued.set(glue(words.map((word) => word.norm)), term);
	}
	return index;
}

function addTo(map: Map<string, Entry[]>, key: string, entry: Entry): void {
	const entries = map.get(key);
	if (entries) entries.push(entry);
	else map.set(key, [entry]);
}

/** "ZK-app" is also written "ZK app". */
function withSpacedHyphens(term: string): string[] {
	const spaced = term.replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, " ");
	return spaced === term ? [term] : [term, spaced];
}

/** A single word the tokenizer would keep whole: most list entries, and no need to run the tokenizer on it. */
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}\p{N}]*$/u;

function parseTerm(term: string, language: Language): WordPattern[] {
	const exact = term.startsWith("=");
	const prefix = term.endsWith("*");
	const suffix = term.startsWith("*");
	const body = term.slice(exact || suffix ? 1 : 0, prefix ? -1 : undefined);
	const tokens = PLAIN_WORD.test(body)
		? [{ kind: "word" as const, text: body }]
		: tokenize(body).filter((token) => MATCHABLE.has(token.kind) || token.kind === "punct");
	return tokens.map((token, position): WordPattern => {
		const signed = token.kind === "hashtag" || token.kind === "mention";
		const norm = normalize(signed ? token.text.slice(1) : token.text);
		if (signed) return { value: stem(norm, language), mode: "stem", norm, sign: token.kind as "mention" | "hashtag" };
		if (suffix && position === 0) return { value: norm, mode: "suffix", norm };
		if (prefix && position === tokens.length - 1) return { value: norm, mode: "prefix", norm };
		if (exact || token.kind === "number" || token.kind === "punct") return { value: norm, mode: "exact", norm };
		return { value: stem(norm, language), mode: "stem", norm };
	});
}

function glue(parts: string[]): string {
	return parts.join("").replace(/[-_.'\s]/g, "");
}

function wordMatches(pattern: WordPattern, token: Token): boolean {
	if (pattern.sign && token.kind !== pattern.sign) return false;
	switch (pattern.mode) {
		case "prefix":
			return token.norm.startsWith(pattern.value) && token.norm.length > pattern.value.length;
		case "suffix":
			return token.norm.endsWith(pattern.value) && token.norm.length > pattern.value.length;
		case "exact":
			return token.norm === pattern.value;
		default:
			return token.key === pattern.value || token.parts.includes(pattern.value);
	}
}

/** Every occurrence of the list's entries in a document, as token ranges; the longest entry wins at a position. */
export function findTerms(doc: Doc, indexFor: (language: Language) => TermIndex): Hit[] {
	const hits: Hit[] = [];
	const { tokens } = doc;
	for (let position = 0; position < tokens.length; position++) {
		const token = tokens[position] as Token;
		if (!MATCHABLE.has(token.kind)) continue;
		const index = indexFor(token.language);
		let longest = longestAt(doc, position, index.byFirst.get(token.key), undefined);
		if (token.norm !== token.key) longest = longestAt(doc, position, index.byFirst.get(token.norm), longest);
		for (const [at, part] of token.parts.entries()) {
			if (part !== token.key && part !== token.norm && token.parts.indexOf(part) === at)
				longest = longestAt(doc, position, index.byFirst.get(part), longest);
		}
		longest = longestAt(doc, position, index.prefixed.get(token.norm.charAt(0)), longest);
		longest = longestAt(doc, position, index.suffixed.get(token.norm.charAt(token.norm.length - 1)), longest);
		if (!longest && index.byGlued.size > 0) {
			const glued = index.byGlued.get(gluedNorms(doc)[position] as string);
			if (glued) longest = hitOf(doc, position, position + 1, glued);
		}
		if (longest) {
			hits.push(longest);
			position = longest.endToken - 1;
		}
	}
	return hits;
}

/** The longest of the entries matching at a token, or the one found so far when none is longer. */
function longestAt(doc: Doc, position: number, entries: Entry[] | undefined, found: Hit | undefined): Hit | undefined {
	let longest = found;
	for (const entry of entries ?? []) {
		const end = matchAt(doc.tokens, position, entry.words);
		if (end !== undefined && (!longest || end > longest.endToken)) longest = hitOf(doc, position, end, entry.term);
	}
	return longest;
}

const GLUED = new WeakMap<Doc, string[]>();

/** Each token's folded form without joiners, computed once per document for every word list. */
function gluedNorms(doc: Doc): string[] {
	let glued = GLUED.get(doc);
	if (!glued) {
		glued = doc.tokens.map((token) => glue([token.norm]));
		GLUED.set(doc, glued);
	}
	return glued;
}

function matchAt(tokens: Token[], start: number, words: WordPattern[]): number | undefined {
	let position = start;
	for (const word of words) {
		const token = tokens[position];
		if (!token || !wordMatches(word, token)) return undefined;
		position++;
	}
	return position;
}

function hitOf(doc: Doc, firstToken: number, endToken: number, term: string): Hit {
	const start = (doc.tokens[firstToken] as Token).start;
	const end = (doc.tokens[endToken - 1] as Token).end;
	return { start, end, firstToken, endToken, term };
}
