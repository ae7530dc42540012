import { createRequire } from "node:module";
import type { RawToken } from "./tokenize.js";

/**
 * The one adapter around compromise, the English tagger. Its CommonJS bundle loads markedly faster than the ESM
 * entry, and it is loaded only when a rule first asks for tags, so drafts that no tag-based rule touches never pay
 * for it. No compromise object leaves this file.
 */

/** What compromise says about one of our tokens. */
export interface TokenTags {
	tags: ReadonlySet<string>;
	/** The dictionary form ("launched" -> "launch"), lower case; the normalised text when compromise has none. */
	lemma: string;
}

interface CompromiseTerm {
	text: string;
	normal: string;
	root?: string;
	tags: string[];
	offset: { start: number; length: number };
}
interface CompromiseDocument {
	compute(method: string): void;
	json(options: object): { terms: CompromiseTerm[] }[];
	match(pattern: string): CompromiseDocument;
	out(format: "offset"): { offset: { start: number; length: number } }[];
}
type Compromise = (text: string) => CompromiseDocument;

let compromise: Compromise | undefined;

function load(): Compromise {
	compromise ??= createRequire(import.meta.url)("compromise/two") as Compromise;
	return compromise;
}

/** Tags every token of an English text; tokens compromise does not see (emoji, URLs) get no tags. */
export function tagEnglish(text: string, tokens: readonly RawToken[]): TokenTags[] {
	const result: TokenTags[] = tokens.map((token) => ({ tags: new Set<string>(), lemma: token.text.toLowerCase() }));
	const document = load()(text);
	document.compute("root");
	const terms = document.json({ offset: true, terms: { offset: true } }).flatMap((sentence) => sentence.terms);
	let cursor = 0;
	for (const term of terms) {
		if (term.offset.length === 0) continue;
		const start = term.offset.start;
		while (cursor < tokens.length && (tokens[cursor] as RawToken).end <= start) cursor++;
		for (let index = cursor; index < tokens.length; index++) {
			const token = tokens[index] as RawToken;
			if (token.start >= start + term.offset.length) break;
			const entry = result[index] as TokenTags;
			for (const tag of term.tags) (entry.tags as Set<string>).add(tag);
			if (term.root && token.start === start) entry.lemma = term.root;
		}
	}
	return result;
}

/** The spans a compromise match pattern finds in an English text. */
export function matchPattern(text: string, pattern: string): { start: number; end: number }[] {
	return load()(text)
		.match(pattern)
		.out("offset")
		.map(({ offset }) => ({ start: offset.start, end: offset.start + offset.length }));
}
