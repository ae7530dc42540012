import { createRequire } from "node:module";
import { firstEndingAfter } from "./hit.js";
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
	pre: string;
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
type Compromise = ((text: string) => CompromiseDocument) & {
	methods(): { one: { tokenize: { splitSentences(text: string, world: object): string[] } } };
	world(): object;
};

let compromise: Compromise | undefined;

function load(): Compromise {
	compromise ??= createRequire(import.meta.url)("compromise/two") as Compromise;
	return compromise;
}

/**
 * The tags of an English text's tokens, one compromise sentence at a time: asking for a token tags the sentences it
 * lies in, and only those. compromise's tagger reads one sentence at a time, so a sentence tagged on its own gets the
 * tags it gets in the whole text (test/document.test.ts holds it to that), at a fraction of the cost when a rule asks
 * about one sentence of a long draft. Tokens compromise does not see (emoji, URLs) get no tags.
 */
export function englishTagger(text: string, tokens: readonly RawToken[]): (tokenIndex: number) => TokenTags {
	const result: TokenTags[] = tokens.map((token) => ({ tags: new Set<string>(), lemma: token.text.toLowerCase() }));
	let segments: Segment[] | undefined;
	const tagged = new Set<Segment>();
	return (tokenIndex) => {
		const token = tokens[tokenIndex];
		const entry = result[tokenIndex];
		if (!token || !entry) return { tags: new Set(), lemma: "" };
		segments ??= segmentsOf(text);
		for (let index = firstEndingAfter(segments, token.start); index < segments.length; index++) {
			const segment = segments[index] as Segment;
			if (segment.start >= token.end) break;
			if (tagged.has(segment)) continue;
			tagged.add(segment);
			tagSegment(text, segment, tokens, result);
		}
		return entry;
	};
}

/** A stretch of the text that compromise reads as one sentence, with the whitespace and punctuation around it. */
interface Segment {
	start: number;
	end: number;
}

/**
 * The text cut where compromise starts its sentences: its own sentence splitter gives pieces that join up to the
 * text. Far cheaper than tokenizing the draft (test/document.test.ts holds the cuts to its tokenizer's).
 */
export function segmentsOf(text: string): Segment[] {
	const compromise = load();
	const starts: number[] = [];
	let offset = 0;
	for (const sentence of compromise.methods().one.tokenize.splitSentences(text, compromise.world())) {
		starts.push(offset);
		offset += sentence.length;
	}
	starts[0] = 0;
	return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
}

/** Tags one segment and adds each term's tags to the tokens it covers. */
function tagSegment(text: string, segment: Segment, tokens: readonly RawToken[], result: TokenTags[]): void {
	const document = load()(text.slice(segment.start, segment.end));
	document.compute("root");
	const terms = document.json({ offset: true, terms: { offset: true } }).flatMap((sentence) => sentence.terms);
	let cursor = firstEndingAfter(tokens, segment.start);
	for (const term of terms) {
		if (term.offset.length === 0) continue;
		const start = segment.start + term.offset.start;
		while (cursor < tokens.length && (tokens[cursor] as RawToken).end <= start) cursor++;
		for (let index = cursor; index < tokens.length; index++) {
			const token = tokens[index] as RawToken;
			if (token.start >= start + term.offset.length) break;
			const entry = result[index] as TokenTags;
			for (const tag of term.tags) (entry.tags as Set<string>).add(tag);
			if (term.root && token.start === start) entry.lemma = term.root;
		}
	}
}

/** The spans a compromise match pattern finds in an English text. */
export function matchPattern(text: string, pattern: string): { start: number; end: number }[] {
	return load()(text)
		.match(pattern)
		.out("offset")
		.map(({ offset }) => ({ start: offset.start, end: offset.start + offset.length }));
}
