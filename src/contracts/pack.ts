import { z } from "zod";
import { GuidelineSchema, IsoDate, Language, LocalizedText, RuleOverrideSchema, Severity } from "./config.js";

/** A word list, either for every language or one list per language. */
export const TermList = z.union([z.array(z.string().min(1)), z.partialRecord(Language, z.array(z.string().min(1)))]);
export type TermList = z.infer<typeof TermList>;

/** Parts of the organisation config a rule can match. */
export const VocabularyName = z.enum([
	"organization",
	"products",
	"products.unreleased",
	"products.released",
	"confidential.terms",
	"confidential.clients",
	"competitors",
	"disclaimers",
]);
export type VocabularyName = z.infer<typeof VocabularyName>;

/** Signals computed in code from the document (see src/document/signals). */
export const SignalName = z.enum([
	"mention",
	"person",
	"shouting",
	"exclamation",
	"profanity",
	"mild-profanity",
	"quotation",
	"url",
	"number",
	"money",
]);
export type SignalName = z.infer<typeof SignalName>;

/** Checks that turn a pattern hit into a real one (an IBAN with a valid checksum, say). */
export const ValidatorName = z.enum(["iban", "luhn", "bsn", "private-ip"]);
export type ValidatorName = z.infer<typeof ValidatorName>;

/** Platforms with their own limits (`--platform`); rules for one apply only when it is given. */
export const PlatformName = z.enum(["x", "linkedin", "mastodon", "bluesky", "threads"]);
export type PlatformName = z.infer<typeof PlatformName>;

/**
 * What a `limit` matcher counts: `weighted` as X counts (twitter-text: most code points 1, others such as emoji 2),
 * `characters` (code points), `graphemes` (what a reader sees as one character), or links, hashtags
 * and mentions. `urlLength` counts every link as that many characters (X, Mastodon: 23).
 */
export const LimitSchema = z
	.object({
		measure: z.enum(["weighted", "characters", "graphemes", "bytes", "links", "hashtags", "mentions"]),
		max: z.number().int().min(0),
		urlLength: z.number().int().min(1).optional(),
	})
	.strict();
export type Limit = z.infer<typeof LimitSchema>;

export type Matcher =
	| { lexicon: string }
	| { terms: TermList }
	| { vocabulary: VocabularyName }
	| { regex: string | Partial<Record<Language, string>>; caseSensitive?: boolean; validate?: ValidatorName }
	| { pattern: string }
	| { signal: SignalName }
	| { limit: Limit }
	| { any: Matcher[] };

export const MatcherSchema: z.ZodType<Matcher> = z.lazy(() =>
	z.union([
		z.object({ lexicon: z.string().min(1) }).strict(),
		z.object({ terms: TermList }).strict(),
		z.object({ vocabulary: VocabularyName }).strict(),
		z
			.object({
				regex: z.union([z.string().min(1), z.partialRecord(Language, z.string().min(1))]),
				caseSensitive: z.boolean().optional(),
				validate: ValidatorName.optional(),
			})
			.strict(),
		z.object({ pattern: z.string().min(1) }).strict(),
		z.object({ signal: SignalName }).strict(),
		z.object({ limit: LimitSchema }).strict(),
		z.object({ any: z.array(MatcherSchema).min(1) }).strict(),
	]),
);

/**
 * Where a condition looks, relative to the candidate: the candidate itself (`match`), its sentence, its sentence and
 * the ones on either side (`context`), the whole draft, or a number of tokens just before and/or after it within its
 * sentence (the candidate itself not included).
 */
export const ScopeSchema = z.union([
	z.enum(["match", "sentence", "context", "document"]),
	z
		.object({
			before: z.number().int().min(0).optional(),
			after: z.number().int().min(0).optional(),
		})
		.strict(),
]);
export type Scope = z.infer<typeof ScopeSchema>;

/** Config flags a rule can depend on. */
export const SettingName = z.enum(["profileDisclaimer"]);

type NearCondition = { near: Matcher; within: Scope };
/** What a condition looks for: a matcher's hit in a scope or a config flag; or any, all or none of other conditions. */
export type Condition =
	| NearCondition
	| { setting: z.infer<typeof SettingName> }
	| { any: Condition[] }
	| { all: Condition[] }
	| { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.object({ near: MatcherSchema, within: ScopeSchema.default("sentence") }).strict(),
		z.object({ setting: SettingName }).strict(),
		z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
		z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
		z.object({ not: ConditionSchema }).strict(),
	]),
);

export const ModifierSchema = z
	.object({
		when: ConditionSchema,
		add: z.number().min(-1).max(1),
		/** Shown in the finding's reasons, e.g. "aimed at someone". */
		reason: z.string().min(1),
	})
	.strict();

/** A finding a test case expects: the rule (id, or name within the pack; default the rule itself) and matched text. */
export const ExpectedFindingSchema = z
	.object({ rule: z.string().min(1).optional(), match: z.string().min(1).optional() })
	.strict();

/** A test case: a draft and exactly the findings it must produce (none when `findings` is left out). */
export const RuleTestSchema = z
	.object({
		text: z.string().min(1),
		findings: z.array(ExpectedFindingSchema).default([]),
		date: IsoDate.optional(),
		lang: Language.optional(),
	})
	.strict();

export const RuleSchema = z
	.object({
		name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case name such as nda-client"),
		severity: Severity,
		/**
		 * One short sentence: what is wrong and what to write instead, once or per language (chosen by `--locale`).
		 * `{match}` stands for the matched text.
		 */
		message: LocalizedText,
		guideline: GuidelineSchema,
		link: z.url().optional(),
		/** What to write instead, or the line to add; same placeholders as `message`. */
		suggestion: LocalizedText.optional(),
		/** `--fix` may apply the suggestion: `append` it to the draft, or `replace` the matched text with it. */
		fix: z.enum(["append", "replace"]).optional(),
		languages: z.array(Language).min(1).optional(),
		/** Apply only when `--platform` names one of these (the platform pack); default: always. */
		platforms: z.array(PlatformName).min(1).optional(),
		match: MatcherSchema,
		/** Every condition must hold, or the candidate is dropped. */
		require: z.array(ConditionSchema).default([]),
		/** Any condition that holds drops the candidate. */
		unless: z.array(ConditionSchema).default([]),
		score: z
			.object({
				base: z.number().min(0).max(1).default(0.6),
				modifiers: z.array(ModifierSchema).default([]),
			})
			.strict()
			.default({ base: 0.6, modifiers: [] }),
		minScore: z.number().min(0).max(1).default(0.5),
		/** The first publication day the rule applies (an embargo that starts); default always. */
		valid_from: IsoDate.optional(),
		/** The first publication day the rule no longer applies (an embargo that lifts, a campaign that ends). */
		expires: IsoDate.optional(),
		/**
		 * Report only the first finding in a draft (`true`, e.g. the first mention of the employer) or in each sentence
		 * (`sentence`, e.g. one speculation finding however many incident words the sentence has).
		 */
		once: z.union([z.boolean(), z.literal("sentence")]).default(false),
		examples: z
			.object({
				bad: z.array(z.string().min(1)).min(1),
				good: z.array(z.string().min(1)).min(1),
			})
			.strict()
			.optional(),
		/** Cases run by `postcheck test`, each with the exact findings it must produce. */
		tests: z.array(RuleTestSchema).default([]),
	})
	.strict();

export const PackSchema = z
	.object({
		pack: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case pack id such as tone"),
		description: z.string().min(1),
		/** The config (relative to the pack) and publication day its examples and tests are written for. */
		test: z
			.object({ config: z.string().min(1).optional(), date: IsoDate.optional() })
			.strict()
			.optional(),
		/** A pack whose rules and lexicons this one inherits: a built-in pack id (`tone`) or a file relative to this one. */
		extends: z.string().min(1).optional(),
		/** Changes to inherited rules by name: `off`, a severity, or `{ severity, minScore, guideline }`. */
		overrides: z.record(z.string(), RuleOverrideSchema).default({}),
		/** Organisation vocabulary the pack cannot work without: loading it is refused when the config lacks any. */
		requires: z.array(VocabularyName).default([]),
		/** Named word lists the pack's rules use with `{ lexicon: name }`. */
		lexicons: z.record(z.string(), TermList).default({}),
		rules: z.array(RuleSchema).default([]),
	})
	.strict()
	.refine((pack) => pack.rules.length > 0 || pack.extends !== undefined, {
		message: "a pack needs at least one rule, or extends: another pack",
		path: ["rules"],
	})
	.refine((pack) => Object.keys(pack.overrides).length === 0 || pack.extends !== undefined, {
		message: "overrides change inherited rules: add extends: with the pack to inherit from",
		path: ["overrides"],
	});

export type Rule = z.infer<typeof RuleSchema>;
export type Pack = z.infer<typeof PackSchema>;
export type Modifier = z.infer<typeof ModifierSchema>;
export type RuleTest = z.infer<typeof RuleTestSchema>;
