import type { Config, Guideline, Language, RuleOverride, Severity } from "../contracts/config.js";
import type { Matcher, Pack, PlatformName, Rule, TermList } from "../contracts/pack.js";
import { type Location, UserError } from "../errors.js";
import { type CompiledCondition, compileCondition, matchersOf } from "./conditions.js";
import { type CompiledMatcher, compileMatcher } from "./matchers.js";
import { TermLists } from "./terms.js";
import type { Vocabulary } from "./vocabulary.js";
import { locateInYaml } from "./yaml.js";

/** A rule ready to run, with the organisation's overrides applied. */
export interface CompiledRule {
	id: string;
	pack: string;
	severity: Severity;
	message: Rule["message"];
	guideline: Guideline;
	link?: string;
	suggestion?: Rule["suggestion"];
	fix?: Rule["fix"];
	languages: Language[];
	match: CompiledMatcher;
	require: CompiledCondition[];
	unless: CompiledCondition[];
	base: number;
	modifiers: { when: CompiledCondition; add: number; reason: string }[];
	minScore: number;
	once: Rule["once"];
	examples: Rule["examples"];
	/** Runs under the time budget's watchdog: it has expressions (regex, pattern) from a pack that is not built in. */
	guarded: boolean;
}

/** A pack as loaded: where it came from and its YAML text, for error messages. */
export interface LoadedPack {
	file: string;
	pack: Pack;
	/** The packs it extends, nearest first: a run that loads one of them too leaves that one out. */
	replaces?: string[];
	text?: string;
	/** A built-in pack: its regular expressions are reviewed by hand, so they run without the watchdog. */
	trusted?: boolean;
}

/** Everything compiling needs besides the packs. */
export interface CompileContext {
	config: Config;
	vocabulary: Vocabulary;
	/** Word lists every pack can use (rules/lexicons.yaml). */
	sharedLexicons: Record<string, TermList>;
	/** The publication day, YYYY-MM-DD: rules whose `valid_from`/`expires` exclude it are left out. */
	date?: string;
	/** `--platform`: rules for other platforms are left out, and so are all platform rules without one; `all` keeps them. */
	platform?: PlatformName | "all";
}

/** Compiles packs into rules, applying `rules:` overrides from the config; disabled rules are left out. */
export function compilePacks(packs: readonly LoadedPack[], context: CompileContext): CompiledRule[] {
	const rules: CompiledRule[] = [];
	const seen = new Map<string, string>();
	const terms = new TermLists();
	for (const { file, pack, text, trusted } of packs) {
		const where = (path: (string | number)[]) => (text === undefined ? { file } : locateInYaml(text, file, path));
		refuseMissingVocabulary(pack, context.vocabulary, where);
		const lexicons = { ...context.sharedLexicons, ...pack.lexicons };
		for (const [index, rule] of pack.rules.entries()) {
			const id = `${pack.pack}/${rule.name}`;
			const previous = seen.get(id);
			if (previous)
				throw new UserError(`rule "${id}" is defined twice (also in ${previous})`, where(["rules", index, "name"]));
			seen.set(id, file);
			const override = normalizeOverride(context.config.rules[id]);
			if (override.enabled === false || !isActive(rule, context.date) || !isForPlatform(rule, context.platform))
				continue;
			rules.push(
				compileRule(
					rule,
					id,
					pack.pack,
					override,
					{ lexicons, vocabulary: context.vocabulary, terms, where: `${file}: ${id}` },
					context.config,
					trusted === true,
				),
			);
		}
	}
	return rules;
}

/** A pack that declares `requires: [products]` is refused when the organisation config gives no products. */
function refuseMissingVocabulary(pack: Pack, vocabulary: Vocabulary, where: (path: (string | number)[]) => Location) {
	for (const [index, name] of pack.requires.entries()) {
		if (vocabulary[name].length > 0) continue;
		throw new UserError(
			`requires[${index}]: pack "${pack.pack}" needs "${name}" from the organisation config (postcheck.yaml), which has none; add it there or leave the pack out`,
			where(["requires", index]),
		);
	}
}

function compileRule(
	rule: Rule,
	id: string,
	pack: string,
	override: Exclude<RuleOverride, string>,
	matcherContext: Parameters<typeof compileMatcher>[1],
	config: Config,
	trusted: boolean,
): CompiledRule {
	if (override.max !== undefined && !("limit" in rule.match))
		throw new UserError(`rules: ${id}: max applies only to a rule that counts (match: { limit })`);
	const settings = { profileDisclaimer: config.profileDisclaimer };
	const condition = (item: Rule["require"][number]) => compileCondition(item, matcherContext, settings);
	return {
		id,
		pack,
		severity: override.severity ?? rule.severity,
		message: rule.message,
		guideline: override.guideline ?? rule.guideline,
		link: rule.link,
		suggestion: rule.suggestion,
		fix: rule.fix,
		languages: rule.languages ?? ["en", "nl"],
		match: compileMatcher(
			"limit" in rule.match && override.max !== undefined
				? { limit: { ...rule.match.limit, max: override.max } }
				: rule.match,
			matcherContext,
		),
		require: rule.require.map(condition),
		unless: rule.unless.map(condition),
		base: rule.score.base,
		modifiers: rule.score.modifiers.map((modifier) => ({
			when: condition(modifier.when),
			add: modifier.add,
			reason: modifier.reason,
		})),
		minScore: override.minScore ?? rule.minScore,
		once: rule.once,
		examples: rule.examples,
		guarded: !trusted && hasExpressions(rule),
	};
}

/** Whether any of a rule's matchers is an expression that could take unbounded time: a regex or a pattern. */
function hasExpressions(rule: Rule): boolean {
	const conditions = [...rule.require, ...rule.unless, ...rule.score.modifiers.map((modifier) => modifier.when)];
	const matchers = [rule.match, ...conditions.flatMap(matchersOf)];
	return matchers.some(isExpression);
}

function isExpression(matcher: Matcher): boolean {
	if ("any" in matcher) return matcher.any.some(isExpression);
	return "regex" in matcher || "pattern" in matcher;
}

/** Whether a rule applies on a publication day: from `valid_from` (inclusive) until `expires` (exclusive). */
export function isActive(rule: Pick<Rule, "valid_from" | "expires">, date: string | undefined): boolean {
	if (date === undefined) return true;
	return (
		(rule.valid_from === undefined || rule.valid_from <= date) && (rule.expires === undefined || date < rule.expires)
	);
}

function isForPlatform(rule: Rule, platform: CompileContext["platform"]): boolean {
	return (
		rule.platforms === undefined || platform === "all" || (platform !== undefined && rule.platforms.includes(platform))
	);
}

/** `off`, a bare severity and the long form all become the long form. */
export function normalizeOverride(override: RuleOverride | undefined): Exclude<RuleOverride, string> {
	if (override === undefined) return {};
	if (override === "off") return { enabled: false };
	if (typeof override === "string") return { severity: override };
	return override;
}
