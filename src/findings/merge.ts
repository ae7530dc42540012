import type { Finding } from "../contracts/report.js";

/**
 * Overlapping findings of one rule become one: the union of their spans, the highest score and both sets of reasons.
 * Expects findings sorted by `sortFindings`.
 */
export function mergeOverlapping(findings: readonly Finding[], text: string): Finding[] {
	const merged: Finding[] = [];
	const lastByRule = new Map<string, Finding>();
	for (const finding of findings) {
		const last = lastByRule.get(finding.ruleId);
		if (last && finding.span.start < last.span.end) {
			const span = { start: last.span.start, end: Math.max(last.span.end, finding.span.end) };
			const winner = finding.score > last.score ? finding : last;
			const combined: Finding = {
				...winner,
				span,
				match: text.slice(span.start, span.end),
				reasons: [...new Set([...last.reasons, ...finding.reasons])],
			};
			merged[merged.indexOf(last)] = combined;
			lastByRule.set(finding.ruleId, combined);
			continue;
		}
		merged.push(finding);
		lastByRule.set(finding.ruleId, finding);
	}
	return merged;
}
