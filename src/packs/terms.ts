import type { Language } from "../contracts/config.js";
import type { Doc, Token } from "../document/document.js";
import type { Hit } from "../document/hit.js";
import { normalize } from "../document/normalize.js";
import { stem } from "../document/stem.js";
import { tokenize } from "../document/tokenize.js";

/**
 * Word lists compiled for fast lookup. An entry is a word or phrase, compared on stems, so inflections meet
 * ("launch" finds "launched"); `=word` compares the folded form exactly; `word*` matches any word starting so
 * (Dutch compounds: "kanker*" finds "kankerlijer"). A phrase also matches glued into one token, as in a hashtag
 * ("Skyline 5" finds "#Skyline5", "MT overleg" finds "MT-overleg").
 */

type WordMode = "stem" | "exact" | "prefix";
interface WordPattern {
	value: string;
	mode: WordMode;
}
interface Entry {
	term: string;
	words: WordPattern[];
}

export interface TermIndex {
	/** Entries by the value of their first word (for stem and exact words). */
	byFirst: Map<string, Entry[]>;
	/** Entries whose first word is a prefix pattern, by that prefix. */
	prefixed: Map<string, Entry[]>;
	/** Phrases by their glued form. */
	byGlued: Map<string, string>;
}

const MATCHABLE = new Set<Token["kind"]>(["word", "number", "hashtag", "mention"]);

/** Compiles a word list for one language. */
export function compileTerms(terms: readonly string[], language: Language): TermIndex {
	const index: TermIndex = { byFirst: new Map(), prefixed: new Map(), byGlued: new Map() };
	for (const term of terms) {
		const words = parseTerm(term, language);
		const first = words[0];
		if (!first) continue;
		const entry = { term, words };
		if (first.mode === "prefix") addTo(index.prefixed, first.value, entry);
		else addTo(index.byFirst, first.value, entry);
		if (words.length > 1 && words.every((word) => word.mode !== "prefix")) {
			index.byGlued.set(glue(words.map((word) => normalize(word.value))), term);
		}
	}
	return index;
}

function addTo(map: Map<string, Entry[]>, key: string, entry: Entry): void {
	const entries = map.get(key);
	if (entries) entries.push(entry);
	else map.set(key, [entry]);
}

/** A single word the tokenizer would keep whole: most list entries, and no need to run the tokenizer on it. */
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}\p{N}]*$/u;

function parseTerm(term: string, language: Language): WordPattern[] {
	const exact = term.startsWith("=");
	const prefix = term.endsWith("*");
	const body = term.slice(exact ? 1 : 0, prefix ? -1 : undefined);
	const tokens = PLAIN_WORD.test(body)
		? [{ kind: "word" as const, text: body }]
		: tokenize(body).filter((token) => MATCHABLE.has(token.kind) || token.kind === "punct");
	return tokens.map((token, position) => {
		const text = token.kind === "hashtag" || token.kind === "mention" ? token.text.slice(1) : token.text;
		const norm = normalize(text);
		if (prefix && position === tokens.length - 1) return { value: norm, mode: "prefix" };
		if (exact || token.kind !== "word") return { value: norm, mode: "exact" };
		return { value: stem(norm, language), mode: "stem" };
	});
}

function glue(parts: string[]): string {
	return parts.join("").replace(/[-_.'\s]/g, "");
}

function wordMatches(pattern: WordPattern, token: Token): boolean {
	if (pattern.mode === "prefix")
		return token.norm.startsWith(pattern.value) && token.norm.length > pattern.value.length;
	if (pattern.mode === "exact") return token.norm === pattern.value;
	return token.key === pattern.value;
}

/** Every occurrence of the list's entries in a document, as token ranges: at each token the longest entry, left to right. */
export function findTerms(doc: Doc, index: TermIndex): Hit[] {
	const tokensBy = lookupOf(doc);
	const best = new Map<number, Candidate>();
	const offer = (position: number, entries: Entry[], group: number) => {
		for (const [rank, entry] of entries.entries()) {
			const end = matchAt(doc.tokens, position, entry.words);
			if (end === undefined) continue;
			const current = best.get(position);
			if (!current || end > current.end || (end === current.end && group * 1e9 + rank < current.order)) {
				best.set(position, { end, term: entry.term, order: group * 1e9 + rank });
			}
		}
	};
	eachShared(index.byFirst, tokensBy.key, (entries, positions) => {
		for (const position of positions) offer(position, entries, 0);
	});
	eachShared(index.byFirst, tokensBy.norm, (entries, positions) => {
		for (const position of positions) offer(position, entries, 1);
	});
	for (const [first, entries] of index.prefixed) {
		for (const position of tokensBy.prefix(first)) offer(position, entries, 2);
	}
	if (index.byGlued.size === 0) return sweep(doc, best);
	eachShared(index.byGlued, tokensBy.glued, (term, positions) => {
		for (const position of positions) {
			if (!best.has(position)) best.set(position, { end: position + 1, term, order: 3e9 });
		}
	});
	return sweep(doc, best);
}

/** Left to right, each candidate not inside the previous hit becomes a hit. */
function sweep(doc: Doc, best: Map<number, Candidate>): Hit[] {
	const hits: Hit[] = [];
	let covered = 0;
	for (const position of [...best.keys()].sort((a, b) => a - b)) {
		if (position < covered) continue;
		const { end, term } = best.get(position) as Candidate;
		hits.push(hitOf(doc, position, end, term));
		covered = end;
	}
	return hits;
}

interface Candidate {
	end: number;
	term: string;
	/** Ties on length go to the earlier entry, as a scan of the list would find it. */
	order: number;
}

/** Calls back for every key in both maps, walking the smaller one: a long word list meets a short draft cheaply. */
function eachShared<A, B>(left: Map<string, A>, right: Map<string, B>, visit: (a: A, b: B) => void): void {
	if (left.size <= right.size) {
		for (const [key, a] of left) {
			const b = right.get(key);
			if (b !== undefined) visit(a, b);
		}
	} else {
		for (const [key, b] of right) {
			const a = left.get(key);
			if (a !== undefined) visit(a, b);
		}
	}
}

/** Where each comparable form occurs in a document, built once (and only when some word list asks) for all lists. */
interface TokenLookup {
	/** Positions by stem (`key`). */
	key: Map<string, number[]>;
	/** Positions by folded form, for tokens whose folded form differs from their stem. */
	norm: Map<string, number[]>;
	/** Positions by folded form without joiners, for phrases glued into one token. */
	glued: Map<string, number[]>;
	/** Positions of tokens whose folded form starts with a prefix and is longer than it. */
	prefix(start: string): number[];
}

const LOOKUPS = new WeakMap<Doc, TokenLookup>();

function lookupOf(doc: Doc): TokenLookup {
	let lookup = LOOKUPS.get(doc);
	if (!lookup) {
		lookup = buildLookup(doc);
		LOOKUPS.set(doc, lookup);
	}
	return lookup;
}

function buildLookup(doc: Doc): TokenLookup {
	const key = new Map<string, number[]>();
	const norm = new Map<string, number[]>();
	const byNorm = new Map<string, number[]>();
	for (const [position, token] of doc.tokens.entries()) {
		if (!MATCHABLE.has(token.kind)) continue;
		addPosition(key, token.key, position);
		if (token.norm !== token.key) addPosition(norm, token.norm, position);
		addPosition(byNorm, token.norm, position);
	}
	let glued: Map<string, number[]> | undefined;
	let sortedNorms: string[] | undefined;
	return {
		key,
		norm,
		get glued() {
			if (!glued) {
				glued = new Map();
				for (const [form, positions] of byNorm)
					for (const position of positions) addPosition(glued, glue([form]), position);
			}
			return glued;
		},
		prefix(start) {
			sortedNorms ??= [...byNorm.keys()].sort();
			const positions: number[] = [];
			for (let at = lowerBound(sortedNorms, start); at < sortedNorms.length; at++) {
				const form = sortedNorms[at] as string;
				if (!form.startsWith(start)) break;
				if (form.length > start.length) positions.push(...(byNorm.get(form) as number[]));
			}
			return positions;
		},
	};
}

function addPosition(map: Map<string, number[]>, form: string, position: number): void {
	const positions = map.get(form);
	if (positions) positions.push(position);
	else map.set(form, [position]);
}

function lowerBound(sorted: readonly string[], value: string): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((sorted[middle] as string) < value) low = middle + 1;
		else high = middle;
	}
	return low;
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
