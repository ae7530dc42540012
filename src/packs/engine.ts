import type { Language } from "../contracts/config.js";
import type { Finding } from "../contracts/report.js";
import type { Doc } from "../document/document.js";
import { type Hit, sentenceOf } from "../document/hit.js";
import type { CompiledRule } from "./compile.js";
import { runWithin } from "./deadline.js";
import { fillPlaceholders, type Placeholders } from "./placeholders.js";

/** Options that apply to a whole run. */
export interface RunOptions {
	/** Overrides every rule's own minimum score. */
	minScore?: number;
	placeholders: Placeholders;
	/** The language messages are written in (guidelines follow the draft's language). Default English. */
	locale?: Language;
	/** The most time the rules may take on one draft (on each part of a long one); unlimited when left out. */
	timeBudgetMs?: number;
	/** Told which rules were skipped when the budget ran out; the findings of the rules that finished still count. */
	onOverBudget?: (skippedRuleIds: string[]) => void;
}

/** Runs every rule that applies to the document's language: candidates, conditions, score, threshold. */
export function runRules(doc: Doc, rules: readonly CompiledRule[], options: RunOptions): Finding[] {
	const applicable = rules.filter((rule) => rule.languages.includes(doc.language));
	const findings: Finding[] = [];
	let done = 0;
	const runAll = () => {
		for (; done < applicable.length; done++) findings.push(...runRule(doc, applicable[done] as CompiledRule, options));
	};
	// Built-in rules are linear in the draft; only expressions from other packs need the watchdog (and its cost).
	const budget = applicable.some((rule) => rule.guarded) ? options.timeBudgetMs : undefined;
	if (!runWithin(runAll, budget ?? Number.POSITIVE_INFINITY)) {
		options.onOverBudget?.(applicable.slice(done).map((rule) => rule.id));
	}
	return findings;
}

function runRule(doc: Doc, rule: CompiledRule, options: RunOptions): Finding[] {
	const findings: Finding[] = [];
	const reportedSentences = new Set<number>();
	for (const candidate of rule.match(doc)) {
		const sentence = sentenceOf(doc, candidate);
		if (rule.once === "sentence" && reportedSentences.has(sentence)) continue;
		const finding = evaluate(doc, rule, candidate, options);
		if (!finding) continue;
		findings.push(finding);
		reportedSentences.add(sentence);
		if (rule.once === true) break;
	}
	return findings;
}

function evaluate(doc: Doc, rule: CompiledRule, candidate: Hit, options: RunOptions): Finding | undefined {
	if (!rule.require.every((condition) => condition(doc, candidate))) return undefined;
	if (rule.unless.some((condition) => condition(doc, candidate))) return undefined;
	const match = doc.text.slice(candidate.start, candidate.end);
	let score = rule.base;
	const reasons = [
		`matched "${match}"${candidate.term.toLowerCase() === match.toLowerCase() ? "" : ` (${candidate.term})`}: ${rule.base.toFixed(2)}`,
	];
	for (const modifier of rule.modifiers) {
		const support = modifier.when(doc, candidate);
		if (!support) continue;
		score += modifier.add;
		const evidence = support === true ? "" : ` "${doc.text.slice(support.start, support.end)}"`;
		reasons.push(`${modifier.reason}${evidence}: ${modifier.add > 0 ? "+" : ""}${modifier.add.toFixed(2)}`);
	}
	score = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
	if (score < (options.minScore ?? rule.minScore)) return undefined;
	const suggestion = fillPlaceholders(pickLanguage(rule.suggestion, doc.language) ?? "", {
		...options.placeholders,
		...candidate.values,
		match,
	});
	const values = { ...options.placeholders, ...candidate.values, match, suggestion };
	return {
		ruleId: rule.id,
		pack: rule.pack,
		severity: rule.severity,
		score,
		reasons,
		message: fillPlaceholders(pickLanguage(rule.message, options.locale ?? "en") ?? "", values),
		guideline: { text: pickLanguage(rule.guideline.text, doc.language) ?? "", source: rule.guideline.source },
		...(suggestion ? { suggestion } : {}),
		...(rule.link ? { link: rule.link } : {}),
		match,
		span: { start: candidate.start, end: candidate.end },
	};
}

/** A text given once or per language: the draft's language, else English, else the first one given. */
export function pickLanguage(
	text: string | Partial<Record<string, string>> | undefined,
	language: string,
): string | undefined {
	if (text === undefined || typeof text === "string") return text;
	return text[language] ?? text.en ?? Object.values(text)[0];
}
