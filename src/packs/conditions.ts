import type { Condition, Scope } from "../contracts/pack.js";
import type { Doc } from "../document/document.js";
import { type Hit, sentenceOf } from "../document/hit.js";
import { compileMatcher, type MatcherContext } from "./matchers.js";

/** A condition ready to run: the hit that makes it hold for a candidate (`true` for a config setting), or undefined. */
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
	const matcher = compileMatcher(condition.near, context);
	const inScope = scopeTest(condition.within);
	return (doc, candidate) => matcher(doc).find((hit) => inScope(doc, candidate, hit));
}

function scopeTest(scope: Scope): (doc: Doc, candidate: Hit, hit: Hit) => boolean {
	if (scope === "document") return () => true;
	if (scope === "match") return (_doc, candidate, hit) => hit.start < candidate.end && hit.end > candidate.start;
	if (scope === "sentence") return (doc, candidate, hit) => sentencesOverlap(doc, candidate, hit, 0);
	if (scope === "context") return (doc, candidate, hit) => sentencesOverlap(doc, candidate, hit, 1);
	const before = scope.before ?? 0;
	const after = scope.after ?? 0;
	return (_doc, candidate, hit) =>
		hit.endToken > candidate.firstToken - before && hit.firstToken < candidate.endToken + after;
}

function sentencesOverlap(doc: Doc, candidate: Hit, hit: Hit, distance: number): boolean {
	const candidateFirst = sentenceOf(doc, candidate);
	const candidateLast = doc.tokens[candidate.endToken - 1]?.sentence ?? candidateFirst;
	const hitFirst = sentenceOf(doc, hit);
	const hitLast = doc.tokens[hit.endToken - 1]?.sentence ?? hitFirst;
	return hitLast >= candidateFirst - distance && hitFirst <= candidateLast + distance;
}
