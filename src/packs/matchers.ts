import type { Language } from "../contracts/config.js";
import type { Matcher, TermList } from "../contracts/pack.js";
import type { Doc } from "../document/document.js";
import { type Hit, hitFromSpan, type TokenWindow } from "../document/hit.js";
import { findOverflow } from "../document/measure.js";
import { matchPattern } from "../document/nlp.js";
import { SIGNALS, WINDOWED_SIGNALS } from "../document/signals/index.js";
import { UserError } from "../errors.js";
import { type CompiledList, compileTerms, TermLists } from "./terms.js";
import { VALIDATORS } from "./validators.js";
import { organizationNames, type Vocabulary } from "./vocabulary.js";

/**
 * A matcher ready to run: every hit in a document, computed once per document. Given a window, a matcher that
 * reads a document `byWindow` (tagging is costly) finds only the hits that share a token with it, every time.
 */
export interface CompiledMatcher {
	(doc: Doc, window?: TokenWindow): Hit[];
	readonly byWindow: boolean;
}

type MatcherFunction = (doc: Doc, window?: TokenWindow) => Hit[];

/** What compiling a matcher may refer to. */
export interface MatcherContext {
	lexicons: Record<string, TermList>;
	vocabulary: Vocabulary;
	/** The word lists of the rules compiled together, scanned in one pass per document. */
	terms: TermLists;
	/** For error messages: the pack file and rule the matcher is in. */
	where: string;
}

const LANGUAGES: Language[] = ["en", "nl"];

/** Compiles a matcher from a pack into a function over documents. */
export function compileMatcher(matcher: Matcher, context: MatcherContext): CompiledMatcher {
	return memoize(compileUncached(matcher, context), readsByWindow(matcher));
}

function readsByWindow(matcher: Matcher): boolean {
	if ("signal" in matcher) return WINDOWED_SIGNALS.has(matcher.signal);
	return "any" in matcher && matcher.any.some(readsByWindow);
}

function compileUncached(matcher: Matcher, context: MatcherContext): MatcherFunction {
	if ("lexicon" in matcher) return termMatcher(lexiconNamed(matcher.lexicon, context), context);
	if ("terms" in matcher) return termMatcher(matcher.terms, context);
	if ("vocabulary" in matcher) return termMatcher(context.vocabulary[matcher.vocabulary], context, true);
	if ("regex" in matcher) return regexMatcher(matcher, context);
	if ("pattern" in matcher) {
		const { pattern } = matcher;
		return (doc) =>
			doc.language === "en"
				? matchPattern(doc.text, pattern).map((span) => hitFromSpan(doc, span.start, span.end, pattern))
				: [];
	}
	if ("signal" in matcher) return SIGNALS[matcher.signal];
	if ("limit" in matcher) {
		const { limit } = matcher;
		return (doc) => findOverflow(doc, limit);
	}
	const parts = matcher.any.map((part) => compileMatcher(part, context));
	return (doc, window) => parts.flatMap((part) => part(doc, window)).sort((a, b) => a.start - b.start || b.end - a.end);
}

function lexiconNamed(name: string, context: MatcherContext): TermList {
	const list = Object.hasOwn(context.lexicons, name) ? context.lexicons[name] : undefined;
	if (!list) {
		const known = Object.keys(context.lexicons).sort().join(", ");
		throw new UserError(`${context.where}: unknown lexicon "${name}" (known: ${known})`);
	}
	return list;
}

const termsIn = (list: TermList, language: Language) => (Array.isArray(list) ? list : (list[language] ?? []));

/** A word list of a pack, or the organisation's names (`names`, whose entries hold no placeholders). */
function termMatcher(list: TermList, context: MatcherContext, names = false): MatcherFunction {
	const compile = (language: Language) => compiledTerms(termsIn(list, language), language, names, context);
	const withPlaceholders = names ? [] : LANGUAGES.flatMap((language) => termsIn(list, language).filter(hasPlaceholder));
	// The lists placeholders name are looked up now, so that a misspelt one stops the run before any draft is read.
	for (const term of withPlaceholders) {
		for (const name of placeholdersIn(term)) if (name !== ORGANIZATION) lexiconNamed(name, context);
	}
	// A list with placeholders differs from one config to the next: it is scanned on its own. The others are scanned
	// together.
	const lists = withPlaceholders.length > 0 ? new TermLists() : context.terms;
	const id = lists.add(list, compile);
	return (doc) => lists.hitsOf(doc, id);
}

/**
 * Word lists compiled earlier in this process, by the list as parsed: the built-in packs are parsed once (see
 * parsePack), so their lists are compiled once, or already in the startup snapshot. In a list with placeholders
 * only the entries that have one depend on the config: they are compiled each time, after the others.
 */
const compiledLists = new WeakMap<readonly string[], Map<string, CompiledList>>();

function compiledTerms(
	terms: readonly string[],
	language: Language,
	names: boolean,
	context: MatcherContext,
): CompiledList {
	const withPlaceholder = (term: string) => !names && hasPlaceholder(term);
	const general = rememberedList(terms, `${language}:${names}`, () =>
		compileTerms(
			terms.filter((term) => !withPlaceholder(term)),
			language,
			names,
		),
	);
	if (!terms.some(withPlaceholder)) return general;
	const filled = terms.filter(withPlaceholder).flatMap((term) => expandPlaceholders(term, language, context));
	return { entries: [...general.entries, ...compileTerms(filled, language, names).entries] };
}

function rememberedList(terms: readonly string[], key: string, compile: () => CompiledList): CompiledList {
	let byKey = compiledLists.get(terms);
	const known = byKey?.get(key);
	if (known) return known;
	const compiled = compile();
	byKey ??= new Map();
	byKey.set(key, compiled);
	compiledLists.set(terms, byKey);
	return compiled;
}

const PLACEHOLDER = /\{([a-z][a-z0-9-]*)\}/g;
const ORGANIZATION = "organization";
const hasPlaceholder = (term: string) => term.includes("{") && placeholdersIn(term).size > 0;

/**
 * In a word list, `{organization}` stands for each of the organisation's names (without a config the entry drops),
 * and `{name}` for each entry of the word list `name` in the same language: "{organization} {staff-role} here".
 */
function expandPlaceholders(term: string, language: Language, context: MatcherContext): string[] {
	let filled = [term];
	for (const name of placeholdersIn(term)) {
		const fillers = placeholderFillers(name, language, context);
		filled = filled.flatMap((partial) => fillers.map((filler) => partial.replaceAll(`{${name}}`, filler)));
	}
	return filled;
}

function placeholdersIn(term: string): Set<string> {
	return new Set([...term.matchAll(PLACEHOLDER)].map(([, name]) => name as string));
}

function placeholderFillers(name: string, language: Language, context: MatcherContext): string[] {
	if (name === ORGANIZATION) return organizationNames(context.vocabulary);
	return termsIn(lexiconNamed(name, context), language).map((entry) => entry.replace(/^=|\*$/g, ""));
}

function regexMatcher(matcher: Extract<Matcher, { regex: unknown }>, context: MatcherContext): MatcherFunction {
	const flags = matcher.caseSensitive ? "gu" : "giu";
	const byLanguage = new Map<Language, RegExp>();
	for (const language of LANGUAGES) {
		const source = typeof matcher.regex === "string" ? matcher.regex : matcher.regex[language];
		if (source === undefined) continue;
		try {
			byLanguage.set(language, new RegExp(source, flags));
		} catch (error) {
			throw new UserError(`${context.where}: invalid regex /${source}/: ${(error as Error).message}`);
		}
	}
	const validate = matcher.validate ? VALIDATORS[matcher.validate] : () => true;
	return (doc) => {
		const regex = byLanguage.get(doc.language);
		if (!regex) return [];
		const folded = doc.folded();
		const hits: Hit[] = [];
		for (const match of folded.text.matchAll(regex)) {
			if (match[0].length > 0 && validate(match[0])) {
				const span = folded.toOriginal(match.index, match.index + match[0].length);
				hits.push(hitFromSpan(doc, span.start, span.end, match[0]));
			}
		}
		return hits;
	};
}

/**
 * The matcher, computed once per document. Rules check one document at a time, so only the last document's hits are
 * kept: asked about another, the matcher computes again.
 */
function memoize(matcher: MatcherFunction, byWindow: boolean): CompiledMatcher {
	let lastDoc: Doc | undefined;
	let lastHits: Hit[] = [];
	const memoized = (doc: Doc, window?: TokenWindow) => {
		if (byWindow && window) return matcher(doc, window);
		if (doc !== lastDoc) {
			lastHits = matcher(doc);
			lastDoc = doc;
		}
		return lastHits;
	};
	return Object.assign(memoized, { byWindow });
}
