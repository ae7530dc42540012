import type { Allow, Language } from "./contracts/config.js";
import type { Finding, SuppressedFinding } from "./contracts/report.js";
import { buildDocument } from "./document/document.js";
import { splitParts } from "./document/parts.js";
import { applyAllow } from "./findings/allow.js";
import { mergeOverlapping } from "./findings/merge.js";
import { sortFindings } from "./findings/sort.js";
import { applyDirectives, findDirectives, maskDirectives } from "./findings/suppressions.js";
import type { CompiledRule } from "./packs/compile.js";
import { type RunOptions, runRules } from "./packs/engine.js";

/**
 * The kernel: one draft in, its findings out. No files, no process, no config discovery: the caller hands over
 * compiled rules, as textlint's kernel does. A very long draft is checked part by part (see splitParts), so memory
 * stays bounded; spans are always offsets into the whole draft.
 */
export function check(
	text: string,
	language: Language,
	rules: readonly CompiledRule[],
	options: RunOptions,
): Finding[] {
	const findings = splitParts(text).flatMap((part) => {
		const doc = buildDocument(text.slice(part.start, part.end), language);
		return runRules(doc, rules, options).map((finding) => shiftFinding(finding, part.start));
	});
	return mergeOverlapping(sortFindings(findings), text);
}

function shiftFinding(finding: Finding, by: number): Finding {
	if (by === 0) return finding;
	return { ...finding, span: { start: finding.span.start + by, end: finding.span.end + by } };
}

/** What checking a draft gives: the findings to report, and those a suppression or an `allow:` entry silenced. */
export interface DraftResult {
	findings: Finding[];
	suppressed: SuppressedFinding[];
}

/**
 * `check` as a user sees it: the draft's suppression directives are blanked out before checking (they never produce
 * findings), then the config's `allow:` entries and the directives silence what they cover, and every directive that
 * silenced nothing becomes an info finding.
 */
export function checkDraft(
	text: string,
	language: Language,
	rules: readonly CompiledRule[],
	options: RunOptions & { allow?: readonly Allow[] },
): DraftResult {
	const directives = findDirectives(text);
	const findings = check(maskDirectives(text, directives), language, rules, options);
	const allowed = applyAllow(findings, options.allow ?? []);
	const directed = applyDirectives(text, allowed.findings, directives);
	return {
		findings: sortFindings(directed.findings),
		suppressed: sortFindings([...allowed.suppressed, ...directed.suppressed]),
	};
}
