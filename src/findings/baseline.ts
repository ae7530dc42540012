import { BASELINE_VERSION, type Baseline } from "../contracts/baseline.js";

/** What a baseline matches a finding on. */
export interface BaselineKey {
	ruleId: string;
	match: string;
}

const keyOf = (draft: string, finding: BaselineKey) => JSON.stringify([draft, finding.ruleId, finding.match]);

/** Counts of accepted findings, used up as findings are matched against them. */
export type BaselineCounts = Map<string, number>;

/** The counts of a baseline, ready for `dropKnown`. */
export function baselineCounts(baseline: Baseline): BaselineCounts {
	return new Map(baseline.findings.map((entry) => [keyOf(entry.draft, entry), entry.count]));
}

/**
 * Drops the findings a baseline accepts, using up its counts: with a count of 2, a third identical finding in that
 * draft is new. Which of identical findings count as new does not matter; the later ones are kept.
 */
export function dropKnown<Finding extends BaselineKey>(
	findings: readonly Finding[],
	draft: string,
	counts: BaselineCounts,
): { kept: Finding[]; dropped: number } {
	const kept: Finding[] = [];
	for (const finding of findings) {
		const key = keyOf(draft, finding);
		const left = counts.get(key) ?? 0;
		if (left > 0) counts.set(key, left - 1);
		else kept.push(finding);
	}
	return { kept, dropped: findings.length - kept.length };
}

/** How many accepted findings did not occur (fixed since the baseline was made). */
export function unusedCount(counts: BaselineCounts): number {
	return [...counts.values()].reduce((total, count) => total + count, 0);
}

/** A baseline of findings, sorted and counted, so the file is the same bytes for the same findings. */
export function createBaseline(findings: Iterable<{ draft: string } & BaselineKey>): Baseline {
	const counts = new Map<string, number>();
	for (const finding of findings) {
		const key = keyOf(finding.draft, finding);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const entries = [...counts.entries()].map(([key, count]) => {
		const [draft, ruleId, match] = JSON.parse(key) as [string, string, string];
		return { draft, ruleId, match, count };
	});
	entries.sort((a, b) => compare(a.draft, b.draft) || compare(a.ruleId, b.ruleId) || compare(a.match, b.match));
	return { version: BASELINE_VERSION, findings: entries };
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
