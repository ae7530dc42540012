import type { Finding } from "../contracts/report.js";

/**
 * Overlapping findings of one rule become one: the union of their spans, the highest score and both sets of reasons.
 * Expects findings sorted by `sortFindings`.
 */
export function mergeOverlapping(findings: readonly Finding[], text: string): Finding[] {
	const merged: Finding[] = [];
	const lastByRule = new Map<string, number>();
	for (const finding of findings) {
		const lastIndex = lastByRule.get(finding.ruleId);
		const last = lastIndex === undefined ? undefined : merged[lastIndex];
		if (lastIndex !== undefined && last && finding.span.start < last.span.end) {
			const span = { start: last.span.start, end: Math.max(last.span.end, finding.span.end) };
			const winner = finding.score > last.score ? finding : last;
			const combined: Finding = {
				...winner,
				span,
				match: text.slice(span.start, span.end),
				reasons: [...new Set([...last.reasons, ...finding.reasons])],
			};
			merged[lastIndex] = combined;
			continue;
		}
		lastByRule.set(finding.ruleId, merged.length);
		merged.push(finding);
	}
	return merged;
}
