import picomatch from "picomatch";
import type { Allow } from "../contracts/config.js";
import type { Finding, SuppressedFinding } from "../contracts/report.js";
import { normalize } from "../document/normalize.js";
import { coversRule } from "./suppressions.js";

/**
 * The config's `allow:` entries that apply to a draft: those without `paths`, and those with a glob matching the
 * draft's path relative to the config's folder (`undefined` for standard input, which only path-free entries cover).
 */
export function allowEntriesFor(entries: readonly Allow[], path: string | undefined): Allow[] {
	return entries.filter(
		(entry) => entry.paths === undefined || (path !== undefined && picomatch(entry.paths, { dot: true })(path)),
	);
}

/** Silences findings whose rule and matched text (compared folded: case, accents) an `allow:` entry names. */
export function applyAllow(
	findings: readonly Finding[],
	entries: readonly Allow[],
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
	const kept: Finding[] = [];
	const suppressed: SuppressedFinding[] = [];
	for (const finding of findings) {
		const entry = entries.find(
			(candidate) =>
				coversRule([candidate.rule], finding.ruleId) && normalize(candidate.term) === normalize(finding.match),
		);
		if (entry) suppressed.push({ ...finding, suppression: { kind: "allow", reason: entry.reason } });
		else kept.push(finding);
	}
	return { findings: kept, suppressed };
}
