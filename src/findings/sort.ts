import type { Finding } from "../contracts/report.js";

/** Document order, then longer spans first, then rule id: the same input always prints the same bytes. */
export function sortFindings<Item extends Finding>(findings: readonly Item[]): Item[] {
	return [...findings].sort(
		(a, b) =>
			a.span.start - b.span.start ||
			b.span.end - a.span.end ||
			(a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
	);
}
