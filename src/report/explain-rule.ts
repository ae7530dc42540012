import type { Severity } from "../contracts/config.js";
import type { Rule } from "../contracts/pack.js";
import { describeCondition, describeMatcher } from "../packs/describe.js";

/** A rule as a run sees it: the pack's definition with the config's overrides applied. */
export interface ExplainedRule {
	id: string;
	/** The pack file, as shown to the user. */
	file: string;
	rule: Rule;
	/** After the config's overrides; `off` when the config switches the rule off. */
	severity: Severity | "off";
	minScore: number;
	guideline: Rule["guideline"];
}

/**
 * `postcheck explain RULE-ID`: what the rule says, the guideline it enforces, what makes a candidate, the conditions
 * that must hold or drop it, and every score modifier with its weight and reason, then the examples.
 */
export function formatRuleExplanation({ id, file, rule, severity, minScore, guideline }: ExplainedRule): string {
	const lines = [`${id}  (${severity}, from ${file})`, ""];
	for (const [language, text] of Object.entries(perLanguage(rule.message)))
		lines.push(`Message${language ? ` (${language})` : ""}: ${text}`);
	for (const [language, text] of Object.entries(perLanguage(guideline.text))) {
		lines.push(`Guideline${language ? ` (${language})` : ""}: ${text}`);
	}
	lines.push(`Source:     ${guideline.source}`);
	if (rule.link) lines.push(`Link:       ${rule.link}`);
	if (rule.suggestion) {
		for (const [language, text] of Object.entries(perLanguage(rule.suggestion)))
			lines.push(`Suggestion${language ? ` (${language})` : ""}: ${text}`);
	}
	lines.push(`Languages:  ${(rule.languages ?? ["en", "nl"]).join(", ")}`);
	if (rule.platforms) lines.push(`Platforms:  ${rule.platforms.join(", ")} (only with --platform)`);
	const window = [rule.valid_from && `from ${rule.valid_from}`, rule.expires && `before ${rule.expires}`];
	if (rule.valid_from || rule.expires) lines.push(`Applies:    to posts ${window.filter(Boolean).join(" and ")}`);
	lines.push("", `Matches ${describeMatcher(rule.match)}.`);
	if (rule.once) lines.push("Reports only the first match in a draft.");
	for (const condition of rule.require) lines.push(`Only when:  ${describeCondition(condition)}`);
	for (const condition of rule.unless) lines.push(`Not when:   ${describeCondition(condition)}`);
	lines.push(
		"",
		`Score: starts at ${rule.score.base.toFixed(2)}; reported at ${minScore.toFixed(2)} or more.`,
		...rule.score.modifiers
			.slice()
			.sort((a, b) => b.add - a.add)
			.map(
				(modifier) =>
					`  ${modifier.add > 0 ? "+" : ""}${modifier.add.toFixed(2)}  ${modifier.reason}: ${describeCondition(modifier.when)}`,
			),
	);
	if (rule.score.modifiers.length === 0) lines.push("  (no modifiers)");
	if (rule.examples) {
		lines.push("", "Fires on:", ...rule.examples.bad.map((text) => `  ${text}`));
		lines.push("Stays quiet on:", ...rule.examples.good.map((text) => `  ${text}`));
	} else {
		lines.push("", "No examples (postcheck test --coverage fails this rule).");
	}
	return `${lines.join("\n")}\n`;
}

/** A text given once or per language, keyed by language ("" when given once). */
function perLanguage(text: string | Partial<Record<string, string>>): Record<string, string> {
	if (typeof text === "string") return { "": text };
	return Object.fromEntries(Object.entries(text).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
