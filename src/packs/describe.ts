import type { Condition, Limit, Matcher, Scope, SignalName, VocabularyName } from "../contracts/pack.js";

const SIGNAL_WORDS: Record<SignalName, string> = {
	mention: "an @mention",
	person: "a person's name",
	shouting: "words in capitals (shouting)",
	exclamation: "an exclamation mark",
	profanity: "a swear word (rated 2 in the cuss list)",
	"mild-profanity": "a mild swear word (rated 1 or more in the cuss list)",
	quotation: "quoted text",
	url: "a link",
	number: "a number",
	money: "an amount of money or a percentage",
};

const VOCABULARY_WORDS: Record<VocabularyName, string> = {
	organization: "the organisation's names (config: organization)",
	products: "the organisation's products (config: products)",
	"products.unreleased": "a product not yet announced on the publication day (config: products)",
	"products.released": "a product already announced on the publication day (config: products)",
	"confidential.terms": "a confidential term or codename (config: confidential.terms)",
	"confidential.clients": "a client under NDA (config: confidential.clients)",
	competitors: "a competitor (config: competitors)",
	disclaimers: "a disclaimer from the config (config: disclaimers)",
};

const LIMIT_WORDS: Record<Limit["measure"], string> = {
	weighted: "characters as X counts them (emoji and most non-Latin characters count 2)",
	characters: "characters",
	graphemes: "characters as a reader sees them (graphemes)",
	bytes: "bytes of UTF-8 text",
	links: "links",
	hashtags: "hashtags",
	mentions: "@mentions",
};

const SHOWN_TERMS = 6;

/** A matcher in words, for `postcheck explain`: "a word from the list "insult" or an @mention". */
export function describeMatcher(matcher: Matcher): string {
	if ("lexicon" in matcher) return `a word from the list "${matcher.lexicon}"`;
	if ("terms" in matcher) {
		const terms = Array.isArray(matcher.terms) ? matcher.terms : Object.values(matcher.terms).flat();
		const shown = terms.slice(0, SHOWN_TERMS).map((term) => `"${term}"`);
		const more = terms.length > SHOWN_TERMS ? ` (and ${terms.length - SHOWN_TERMS} more)` : "";
		return `one of ${shown.join(", ")}${more}`;
	}
	if ("vocabulary" in matcher) return VOCABULARY_WORDS[matcher.vocabulary];
	if ("regex" in matcher) {
		const sources = typeof matcher.regex === "string" ? [matcher.regex] : Object.values(matcher.regex);
		const validated = matcher.validate ? ` that passes the ${matcher.validate} check` : "";
		return `text matching /${sources.join("/ or /")}/${validated}`;
	}
	if ("pattern" in matcher) return `the English pattern "${matcher.pattern}"`;
	if ("signal" in matcher) return SIGNAL_WORDS[matcher.signal];
	if ("limit" in matcher) {
		const { measure, max, urlLength } = matcher.limit;
		const links = urlLength === undefined ? "" : `, every link counting ${urlLength}`;
		return `a draft of more than ${max} ${LIMIT_WORDS[measure]}${links}`;
	}
	return matcher.any.map(describeMatcher).join(" or ");
}

/** A `require`, `unless` or modifier condition in words: "an @mention in the same sentence". */
export function describeCondition(condition: Condition): string {
	if ("setting" in condition) return `the config sets ${condition.setting}: true`;
	if ("any" in condition) return condition.any.map(describeCondition).join(", or ");
	if ("all" in condition) return condition.all.map(describeCondition).join(", and ");
	if ("not" in condition) return `not ${describeCondition(condition.not)}`;
	return `${describeMatcher(condition.near)} ${describeScope(condition.within)}`;
}

function describeScope(scope: Scope): string {
	if (scope === "match") return "on the matched words themselves";
	if (scope === "sentence") return "in the same sentence";
	if (scope === "context") return "in the same sentence or the one before or after";
	if (scope === "document") return "anywhere in the draft";
	const before = scope.before ?? 0;
	const after = scope.after ?? 0;
	if (before === 0 && after === 0) return "on the matched words themselves";
	const sides = [
		...(before > 0 ? [`${before} ${before === 1 ? "word" : "words"} before`] : []),
		...(after > 0 ? [`${after} ${after === 1 ? "word" : "words"} after`] : []),
	];
	return `within ${sides.join(" or ")} it`;
}
