import type { Summary } from "../contracts/report.js";

/** What a batch run did besides finding things. */
export interface RunStats {
	/** Drafts whose results came from the cache. */
	cached: number;
	/** Findings a baseline accepted, left out of the report. */
	accepted: number;
	/** Accepted findings that no longer occur. */
	gone: number;
	shard?: { index: number; count: number };
}

/** One line about a run, for stderr when the output format carries no summary of its own. */
export function describeRun(summary: Summary, stats: RunStats): string {
	const drafts = `${summary.files} ${summary.files === 1 ? "draft" : "drafts"}`;
	const details = [
		...(stats.shard ? [`shard ${stats.shard.index}/${stats.shard.count}`] : []),
		...(stats.cached > 0 ? [`${stats.cached} from cache`] : []),
	];
	const counts = [
		count(summary.errors, "error"),
		count(summary.warnings, "warning"),
		count(summary.infos, "info"),
	].join(", ");
	const baseline = [
		...(stats.accepted > 0 ? [`${count(stats.accepted, "finding")} accepted by the baseline`] : []),
		...(stats.gone > 0
			? [`${count(stats.gone, "baseline finding")} no longer found (--update-baseline drops them)`]
			: []),
	];
	return `${drafts}${details.length ? ` (${details.join(", ")})` : ""}: ${counts}${baseline.length ? `; ${baseline.join("; ")}` : ""}`;
}

function count(value: number, noun: string): string {
	return `${value} ${noun}${value === 1 ? "" : "s"}`;
}
