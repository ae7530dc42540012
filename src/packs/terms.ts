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

type WordMode = "stem" | "exact" | "prefix" | "suffix" | "gap";
interface WordPattern {
	/** What a token's stems (stem mode) or folded form (the other modes) is compared with. */
	value: string;
	mode: WordMode;
	/** The folded word as written, for the glued form of a phrase. */
	norm: string;
	/** Written as "@handle" or "#tag": matches only a handle or only a tag. */
	sign?: "mention" | "hashtag";
	/** A gap ("~3"): at most this many tokens of the sentence, any at all. */
	max?: number;
}
interface Entry {
	term: string;
	words: WordPattern[];
	/** The entry glued into one token ("skyline5"), when it can be. */
	glued?: string;
}

/** A word list compiled for one language: its entries, in the order written; `TermLists` indexes them. */
export interface CompiledList {
	entries: Entry[];
}

const MATCHABLE = new Set<Token["kind"]>(["word", "number", "hashtag", "mention", "emoji"]);

/**
 * Compiles a word list for one language. Names (`names: true`, the organisation's vocabulary) written with a hyphen
 * also match with a space ("ZK-app" finds "ZK app"); a word list's "has-been" must not find "has been".
 */
export function compileTerms(terms: readonly string[], language: Language, names = false): CompiledList {
	const entries: Entry[] = [];
	for (const term of names ? terms.flatMap(withSpacedHyphens) : terms) {
		const words = parseTerm(term, language);
		if (words.length === 0) continue;
		const gluable = words.every((word) => (word.mode === "stem" || word.mode === "exact") && !word.sign);
		// A finding's reasons show the entry; "=" only says how it compares.
		const shown = term.startsWith("=") ? term.slice(1) : term;
		const norms = words.map((word) => word.norm);
		entries.push(gluable ? { term: shown, words, glued: glue(norms, names) } : { term: shown, words });
	}
	return { entries };
}

function addTo<Item>(map: Map<string, Item[]>, key: string, item: Item): void {
	const items = map.get(key);
	if (items) items.push(item);
	else map.set(key, [item]);
}

/** "ZK-app" is also written "ZK app". */
function withSpacedHyphens(term: string): string[] {
	if (!term.includes("-")) return [term];
	const spaced = term.replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, " ");
	return spaced === term ? [term] : [term, spaced];
}

/** A single word the tokenizer would keep whole: most list entries, and no need to run the tokenizer on it. */
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}\p{N}]*$/u;

/** "~3" between two words of an entry: up to three tokens of the same sentence ("i ~2 at {organization}"). */
const GAP = /\s+~(\d)\s+/;

function parseTerm(term: string, language: Language): WordPattern[] {
	const exact = term.startsWith("=");
	const prefix = term.endsWith("*");
	const suffix = term.startsWith("*");
	const body = term.slice(exact || suffix ? 1 : 0, prefix ? -1 : undefined);
	// Split on gaps, the words and the gaps' lengths alternate: ["i", "2", "at acme"].
	const words = body
		.split(GAP)
		.flatMap((part, index): WordPattern[] =>
			index % 2 === 1 ? [{ value: "", mode: "gap", norm: "", max: Number(part) }] : wordsOf(part, language, exact),
		);
	const first = words[0];
	const last = words.at(-1);
	if (suffix && first && !first.sign) words[0] = { value: first.norm, mode: "suffix", norm: first.norm };
	if (prefix && last && !last.sign) words[words.length - 1] = { value: last.norm, mode: "prefix", norm: last.norm };
	return words;
}

function wordsOf(text: string, language: Language, exact: boolean): WordPattern[] {
	const tokens = PLAIN_WORD.test(text)
		? [{ kind: "word" as const, text }]
		: tokenize(text).filter((token) => MATCHABLE.has(token.kind) || token.kind === "punct");
	return tokens.map((token): WordPattern => {
		const signed = token.kind === "hashtag" || token.kind === "mention";
		const norm = normalize(signed ? token.text.slice(1) : token.text);
		if (signed) return { value: stem(norm, language), mode: "stem", norm, sign: token.kind as "mention" | "hashtag" };
		if (exact || token.kind === "number" || token.kind === "punct") return { value: norm, mode: "exact", norm };
		return { value: stem(norm, language), mode: "stem", norm };
	});
}

const JOINER = /[-_.'\s]/;
const JOINERS = /[-_.'\s]/g;
const JOINERS_BUT_APOSTROPHE = /[-_.\s]/g;

/**
 * A name loses its apostrophe glued, as hashtags write it ("#Sainsburys"); a listed word keeps it, or "we're" would
 * find "were" and "he'll" "hell".
 */
function glue(parts: string[], names: boolean): string {
	const joined = parts.join("");
	return names ? withoutJoiners(joined) : joined.replace(JOINERS_BUT_APOSTROPHE, "");
}

/** A word without hyphens, dots and the like; most words have none, and are returned as they are. */
function withoutJoiners(word: string): string {
	return JOINER.test(word) ? word.replace(JOINERS, "") : word;
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

/** A word list compiled for a language. */
export type CompiledFor = (language: Language) => CompiledList;

/** An entry of one of several word lists, by the list's place among them. */
interface ListEntry {
	list: number;
	entry: Entry;
}

/** The indexes of several word lists for one language, merged: a token is looked up once for all of them. */
interface MergedIndex {
	byFirst: Map<string, ListEntry[]>;
	prefixed: Map<string, ListEntry[]>;
	suffixed: Map<string, ListEntry[]>;
	byGlued: Map<string, { list: number; term: string }[]>;
}

/**
 * The word lists of a set of rules, scanned together: each token of a document is looked up once for every list,
 * and each list's hits are what scanning it alone would find (the longest entry wins at a position; a hit's tokens
 * are not looked at again for that list).
 */
export class TermLists {
	private readonly lists: CompiledFor[] = [];
	/** Each list's number, by the list as written: a lexicon that several rules use is scanned once. */
	private readonly numbers = new Map<object, number>();
	private readonly merged = new Map<Language, MergedIndex>();
	/** The last document scanned and its hits: rules check one document at a time. */
	private scanned: { doc?: Doc; hits: Hit[][] } = { hits: [] };

	/**
	 * Adds a list, compiled for a language when the first document in that language is scanned (a run over English
	 * drafts never stems a long list the Dutch way); its hits in a document are `hitsOf(doc, number)`.
	 */
	add(list: object, compile: CompiledFor): number {
		const known = this.numbers.get(list);
		if (known !== undefined) return known;
		this.lists.push(compile);
		this.merged.clear();
		this.scanned = { hits: [] };
		this.numbers.set(list, this.lists.length - 1);
		return this.lists.length - 1;
	}

	hitsOf(doc: Doc, list: number): Hit[] {
		if (this.scanned.doc !== doc)
			this.scanned = { doc, hits: scan(doc, (language) => this.mergedFor(language), this.lists.length) };
		return this.scanned.hits[list] ?? NO_HITS;
	}

	private mergedFor(language: Language): MergedIndex {
		let merged = this.merged.get(language);
		if (!merged) {
			merged = mergeIndexes(this.lists.map((compiledFor) => compiledFor(language)));
			this.merged.set(language, merged);
		}
		return merged;
	}
}

/**
 * One index over several lists: entries by the value of their first word (stem and exact words), by a prefix
 * pattern's first character, by a suffix pattern's last character, and by their glued form (the last entry of a
 * list with that form).
 */
function mergeIndexes(lists: CompiledList[]): MergedIndex {
	const merged: MergedIndex = { byFirst: new Map(), prefixed: new Map(), suffixed: new Map(), byGlued: new Map() };
	for (const [list, { entries }] of lists.entries()) {
		for (const entry of entries) {
			const first = entry.words[0] as WordPattern;
			const { value } = first;
			if (first.mode === "prefix") addTo(merged.prefixed, value.charAt(0), { list, entry });
			else if (first.mode === "suffix") addTo(merged.suffixed, value.charAt(value.length - 1), { list, entry });
			else addTo(merged.byFirst, value, { list, entry });
			if (entry.glued === undefined) continue;
			const sameForm = merged.byGlued.get(entry.glued);
			const last = sameForm?.at(-1);
			if (last?.list === list) last.term = entry.term;
			else addTo(merged.byGlued, entry.glued, { list, term: entry.term });
		}
	}
	return merged;
}

/** The hits of a list that has none in a document: one shared array, frozen so that nothing adds to it. */
const NO_HITS = Object.freeze([]) as unknown as Hit[];

/** Each list's hits in a document, in one pass over its tokens. */
function scan(doc: Doc, mergedFor: (language: Language) => MergedIndex, listCount: number): Hit[][] {
	const hits: Hit[][] = new Array(listCount).fill(NO_HITS);
	/** For each list, the first token it may match at: the end of its last hit. */
	const nextFree = new Array<number>(listCount).fill(0);
	const longest = new Array<Hit | undefined>(listCount).fill(undefined);
	const found: number[] = [];
	const { tokens } = doc;
	const consider = (position: number, candidates: ListEntry[] | undefined) => {
		for (const { list, entry } of candidates ?? []) {
			if (position < (nextFree[list] as number)) continue;
			const end = matchAt(tokens, position, entry.words);
			if (end === undefined) continue;
			const best = longest[list];
			if (!best) found.push(list);
			if (!best || end > best.endToken) longest[list] = hitOf(doc, position, end, entry.term);
		}
	};
	const considerWordForms = (position: number, token: Token, index: MergedIndex) => {
		if (token.norm !== token.key) consider(position, index.byFirst.get(token.norm));
		for (const [at, part] of token.parts.entries()) {
			if (part !== token.key && part !== token.norm && token.parts.indexOf(part) === at)
				consider(position, index.byFirst.get(part));
		}
		consider(position, index.prefixed.get(token.norm.charAt(0)));
		consider(position, index.suffixed.get(token.norm.charAt(token.norm.length - 1)));
		// Glued forms are looked at only by lists with no entry at this token.
		for (const { list, term } of index.byGlued.get(withoutJoiners(token.norm)) ?? []) {
			if (position < (nextFree[list] as number) || longest[list]) continue;
			found.push(list);
			longest[list] = hitOf(doc, position, position + 1, term);
		}
	};
	for (let position = 0; position < tokens.length; position++) {
		const token = tokens[position] as Token;
		const matchable = MATCHABLE.has(token.kind);
		if (!matchable && token.kind !== "punct") continue;
		const index = mergedFor(token.language);
		consider(position, index.byFirst.get(token.key));
		// Punctuation starts only the entries written with it (">" in "ours > theirs", "% off").
		if (matchable) considerWordForms(position, token, index);
		for (const list of found) {
			const hit = longest[list] as Hit;
			if (hits[list] === NO_HITS) hits[list] = [hit];
			else (hits[list] as Hit[]).push(hit);
			nextFree[list] = hit.endToken;
			longest[list] = undefined;
		}
		found.length = 0;
	}
	return hits;
}

/** Where an entry's match starting at `start` ends (the shortest gaps that let it match), if it does. */
function matchAt(
	tokens: Token[],
	start: number,
	words: WordPattern[],
	from = 0,
	sentence = tokens[start]?.sentence,
): number | undefined {
	let position = start;
	for (let index = from; index < words.length; index++) {
		const word = words[index] as WordPattern;
		if (word.mode === "gap") {
			for (let skip = 0; skip <= (word.max ?? 0) && tokens[position + skip]?.sentence === sentence; skip++) {
				const end = matchAt(tokens, position + skip, words, index + 1, sentence);
				if (end !== undefined) return end;
			}
			return undefined;
		}
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
