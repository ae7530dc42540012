import type { Condition, Matcher, Scope } from "../contracts/pack.js";
import type { Doc } from "../document/document.js";
import { type Hit, sentenceOf, type TokenWindow } from "../document/hit.js";
import { type CompiledMatcher, compileMatcher, type MatcherContext } from "./matchers.js";

/**
 * A condition ready to run: the hit that makes it hold for a candidate (`true` for a config setting or a `not`), or
 * undefined. A score modifier shows that hit in its reason. Of several parts (`any`), the first listed that holds
 * gives it, and the parts that tag with compromise are asked last, so that their sentences are often not tagged at
 * all; of `all`, the first part with a hit gives it.
 */
export type CompiledCondition = (doc: Doc, candidate: Hit) => Hit | true | undefined;

/** Config flags a condition can test. */
export interface Settings {
	profileDisclaimer: boolean;
}

export function compileCondition(condition: Condition, context: MatcherContext, settings: Settings): CompiledCondition {
	if ("setting" in condition) {
		const holds = settings[condition.setting];
		return () => (holds ? true : undefined);
	}
	if ("any" in condition) {
		return firstHolding(condition.any.map((part) => compileCondition(part, context, settings)));
	}
	if ("all" in condition) return everyHolding(condition.all.map((part) => compileCondition(part, context, settings)));
	if ("not" in condition) {
		const part = compileCondition(condition.not, context, settings);
		return (doc, candidate) => (part(doc, candidate) ? undefined : true);
	}
	const { near, within } = condition;
	if ("any" in near) return anyHolds(near.any.map((part) => compileNear(part, within, context)));
	return compileNear(near, within, context).condition;
}

function compileNear(
	near: Matcher,
	within: Scope,
	context: MatcherContext,
): { condition: CompiledCondition; byWindow: boolean } {
	const matcher = compileMatcher(near, context);
	const hitsOf: (doc: Doc, window: TokenWindow) => HitIndex = matcher.byWindow
		? (doc, window) => indexHits(matcher(doc, window))
		: indexedHits(matcher);
	const windowOf = scopeWindow(within);
	const accepts = within === "match" ? overlapsInText : isTokenScope(within) ? reachesBeside : () => true;
	const condition: CompiledCondition = (doc, candidate) => {
		const window = windowOf(doc, candidate);
		return firstInWindow(hitsOf(doc, window), window, (hit) => accepts(hit, candidate, window));
	};
	return { condition, byWindow: matcher.byWindow };
}

/** The first of several conditions that holds settles it. */
function firstHolding(parts: CompiledCondition[]): CompiledCondition {
	return (doc, candidate) => {
		for (const part of parts) {
			const hit = part(doc, candidate);
			if (hit) return hit;
		}
		return undefined;
	};
}

/** Every part must hold; the first hit among them is the one shown. */
function everyHolding(parts: CompiledCondition[]): CompiledCondition {
	return (doc, candidate) => {
		let shown: Hit | true = true;
		for (const part of parts) {
			const hit = part(doc, candidate);
			if (!hit) return undefined;
			if (shown === true) shown = hit;
		}
		return shown;
	};
}

/** The matchers a condition looks for, however deep in `any`, `all` and `not`. */
export function matchersOf(condition: Condition): Matcher[] {
	if ("near" in condition) return [condition.near];
	if ("setting" in condition) return [];
	if ("not" in condition) return matchersOf(condition.not);
	return ("any" in condition ? condition.any : condition.all).flatMap(matchersOf);
}

/**
 * `near: { any: [...] }`: the first part with a hit in the window settles it, and the parts that read by window (the
 * person signal tags with compromise) are asked last, so often not at all.
 */
function anyHolds(parts: { condition: CompiledCondition; byWindow: boolean }[]): CompiledCondition {
	const ordered = [...parts.filter((part) => !part.byWindow), ...parts.filter((part) => part.byWindow)];
	return firstHolding(ordered.map((part) => part.condition));
}

function scopeWindow(scope: Scope): (doc: Doc, candidate: Hit) => TokenWindow {
	if (scope === "document") return () => ({ from: 0, to: Number.POSITIVE_INFINITY });
	if (scope === "match") return (_doc, candidate) => ({ from: candidate.firstToken, to: candidate.endToken });
	if (scope === "sentence") return (doc, candidate) => sentenceWindow(doc, candidate, 0);
	if (scope === "context") return (doc, candidate) => sentenceWindow(doc, candidate, 1);
	const before = scope.before ?? 0;
	const after = scope.after ?? 0;
	return (doc, candidate) => {
		const sentence = sentenceWindow(doc, candidate, 0);
		return {
			from: Math.max(sentence.from, candidate.firstToken - before),
			to: Math.min(sentence.to, candidate.endToken + after),
		};
	};
}

/** `within: { before, after }` with at least one of them: words beside the candidate, not the candidate itself. */
function isTokenScope(scope: Scope): scope is { before?: number; after?: number } {
	return typeof scope === "object" && (scope.before ?? 0) + (scope.after ?? 0) > 0;
}

/** `within: match`: the hit shares characters with the candidate itself, not just a token. */
function overlapsInText(hit: Hit, candidate: Hit): boolean {
	return hit.start < candidate.end && hit.end > candidate.start;
}

/**
 * `within: { before, after }`: the hit has a word in the window before or after the candidate ("not" in "not
 * announced yet" is no negation of it; "I" makes "I recall" figurative).
 */
function reachesBeside(hit: Hit, candidate: Hit, window: TokenWindow): boolean {
	const before = hit.firstToken < candidate.firstToken && hit.endToken > window.from;
	const after = hit.endToken > candidate.endToken && hit.firstToken < window.to;
	return before || after;
}

/** The tokens of the candidate's sentences and `distance` sentences on either side. */
function sentenceWindow(doc: Doc, candidate: Hit, distance: number): TokenWindow {
	const first = sentenceOf(doc, candidate);
	const last = doc.tokens[candidate.endToken - 1]?.sentence ?? first;
	const from = doc.sentences[Math.max(0, first - distance)]?.firstToken ?? candidate.firstToken;
	const to = doc.sentences[Math.min(doc.sentences.length - 1, last + distance)]?.endToken ?? candidate.endToken;
	return { from, to: Math.max(to, candidate.endToken) };
}

/** A matcher's hits ordered by first token, so a window is found by binary search rather than by a scan per candidate. */
interface HitIndex {
	sorted: Hit[];
	/** The most tokens any hit covers: how far before a window a hit may start and still reach into it. */
	longest: number;
}

/** The index of a matcher's hits in a document, built once per document. */
function indexedHits(matcher: CompiledMatcher): (doc: Doc) => HitIndex {
	const cache = new WeakMap<Doc, HitIndex>();
	return (doc) => {
		let index = cache.get(doc);
		if (!index) {
			index = indexHits(matcher(doc));
			cache.set(doc, index);
		}
		return index;
	};
}

function indexHits(hits: readonly Hit[]): HitIndex {
	const sorted = [...hits].sort((a, b) => a.firstToken - b.firstToken);
	const longest = sorted.reduce((most, hit) => Math.max(most, hit.endToken - hit.firstToken), 1);
	return { sorted, longest };
}

/** The first hit, in document order, that shares a token with the window and passes `accepts`. */
function firstInWindow(index: HitIndex, window: TokenWindow, accepts: (hit: Hit) => boolean): Hit | undefined {
	const { sorted, longest } = index;
	let low = 0;
	let high = sorted.length;
	const earliestStart = window.from - longest;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((sorted[middle] as Hit).firstToken < earliestStart) low = middle + 1;
		else high = middle;
	}
	for (let position = low; position < sorted.length; position++) {
		const hit = sorted[position] as Hit;
		if (hit.firstToken >= window.to) return undefined;
		if (hit.endToken > window.from && accepts(hit)) return hit;
	}
	return undefined;
}
