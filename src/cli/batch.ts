import type { CsvColumns, Language } from "../contracts/config.js";
import { type FileReport, type Finding, JSON_REPORT_VERSION, type JsonReport } from "../contracts/report.js";
import { type BaselineCounts, dropKnown } from "../findings/baseline.js";
import type { Draft, FileExcerpt } from "../input/draft.js";
import { toFileOffset } from "../input/offsets.js";
import { inShard, type Shard } from "../input/shard.js";
import { draftFormatOf, readDrafts } from "../input/split.js";
import type { DraftRegion, ShownText } from "../report/formatters/types.js";
import { indexLines, type LineIndex } from "../report/positions.js";
import { countFile, EMPTY_SUMMARY, toFileReport } from "../report/report.js";
import type { RunStats } from "../report/run-summary.js";
import type { DraftCache } from "./cache.js";
import type { CheckJob, CheckResult } from "./check-job.js";
import { type Checker, YIELD_EVERY } from "./checker.js";
import { BINARY_FILE, type DraftInput } from "./inputs.js";
import type { Progress } from "./progress.js";

/** A file as read, and whether it was found in a folder or by a glob (then a binary is skipped, not an error). */
export interface Source {
	input: DraftInput;
	found: boolean;
}

export interface BatchOptions {
	/** `--date`: the publication day of drafts without their own. */
	date: string;
	/** `--lang`, for drafts without their own `lang`. */
	lang: Language | "auto";
	csv: CsvColumns;
	shard?: Shard;
	cache?: DraftCache;
	/** Accepted findings to leave out; used up as they are matched. */
	baseline?: BaselineCounts;
	/** Keep every finding's baseline key, for `--update-baseline`. */
	collectFindings: boolean;
	/** Which drafts' texts the formatter shows: given to `onFile` with the draft's report, or else kept to the end. */
	keepTexts: KeepTexts;
	/**
	 * Takes each draft's report, with its text when the formatter shows it, as soon as it is ready, in input order; the
	 * result's report then has no files, and no texts are kept.
	 */
	onFile?: (file: FileReport, shown: ShownText) => void;
}

/** Which drafts' texts a format shows: none, those with findings (pretty), or all (html). */
export type KeepTexts = "none" | "findings" | "all";

/** What a batch run gives: the report, the texts formatters may show, and what happened on the way. */
export interface BatchResult {
	report: JsonReport;
	texts: Map<string, string>;
	/** Where each kept draft of a multi-draft file, and its text (its lines of the file), lie in the file. */
	regions: Map<string, DraftRegion>;
	/** Files or drafts that could not be read: exit code 2, after everything else is reported. */
	inputErrors: number;
	stats: Omit<RunStats, "gone">;
	findings: { draft: string; ruleId: string; match: string }[];
}

/** A draft waiting for its result (its excerpt places its findings in the file). */
interface Pending {
	draft: Draft;
	file: string;
	cacheKey?: string;
	result: Promise<CheckResult>;
}

/**
 * Checks drafts as files are read, one file at a time: each draft goes to the checker (workers on a large run),
 * at most `checker.window` ahead of the results, which are taken in input order. So the report is the same bytes
 * however many workers ran, and memory holds the window, not the run.
 */
export async function checkBatch(
	sources: AsyncIterable<Source>,
	checker: Checker & { window: number },
	options: BatchOptions,
	io: { warn: (line: string) => void; progress: Progress; totalFiles: number },
): Promise<BatchResult> {
	const files: FileReport[] = [];
	let summary = EMPTY_SUMMARY;
	const texts = new Map<string, string>();
	const regions = new Map<string, DraftRegion>();
	// Drafts of one excerpt (a Markdown file's) share its index; a record's goes with the record.
	const lineIndexes = new WeakMap<FileExcerpt, LineIndex>();
	const linesOf = (excerpt: FileExcerpt) => {
		const index = lineIndexes.get(excerpt) ?? indexLines(excerpt.text, excerpt);
		lineIndexes.set(excerpt, index);
		return index;
	};
	const findings: BatchResult["findings"] = [];
	const stats = { cached: 0, accepted: 0, shard: options.shard };
	const inFlight: Pending[] = [];
	let inputErrors = 0;
	let filesRead = 0;
	let submitted = 0;

	const takeOldest = async () => {
		const pending = inFlight.shift() as Pending;
		const result = await pending.result;
		if (result.skippedRules) io.warn(overBudgetWarning(pending.draft.name, result.skippedRules));
		else if (pending.cacheKey !== undefined) options.cache?.set(pending.cacheKey, result);
		const placed = result.findings.map((finding) => inFile(finding, pending.draft));
		if (options.collectFindings)
			for (const { ruleId, match } of placed) findings.push({ draft: pending.draft.key, ruleId, match });
		const { kept, dropped } = options.baseline
			? dropKnown(placed, pending.draft.key, options.baseline)
			: { kept: placed, dropped: 0 };
		stats.accepted += dropped;
		const ofFile = pending.draft.name === pending.file ? {} : { file: pending.file };
		const fileReport = toFileReport({
			path: pending.draft.name,
			...ofFile,
			language: result.language,
			text: pending.draft.excerpt.text,
			findings: kept,
			suppressed: result.suppressed?.map((finding) => ({
				...inFile(finding, pending.draft),
				suppression: finding.suppression,
			})),
			lines: linesOf(pending.draft.excerpt),
		});
		summary = countFile(summary, fileReport);
		const shown =
			options.keepTexts === "all" || (options.keepTexts === "findings" && kept.length > 0) ? shownText(pending) : {};
		if (options.onFile) {
			options.onFile(fileReport, shown);
		} else {
			files.push(fileReport);
			if (shown.text !== undefined) texts.set(pending.draft.name, shown.text);
			if (shown.region) regions.set(pending.draft.name, shown.region);
		}
		io.progress.update({ files: filesRead, totalFiles: io.totalFiles, drafts: summary.files });
	};

	for await (const { input, found } of sources) {
		filesRead++;
		if ("error" in input) {
			if (found && input.error === BINARY_FILE) {
				io.warn(`${input.path}: warning: skipped, a binary file`);
			} else {
				io.warn(`${input.path}: ${input.error}`);
				inputErrors++;
			}
			continue;
		}
		for (const warning of input.warnings) io.warn(`${input.path}: warning: ${warning}`);
		for (const item of readDrafts(input.text, input.path, draftFormatOf(input.path), options.csv)) {
			if ("problem" in item) {
				const { problem } = item;
				io.warn(`${input.path}:${problem.line}:${problem.column}: ${problem.message}`);
				inputErrors++;
				continue;
			}
			const { draft } = item;
			if (options.shard && !inShard(draft.name, options.shard)) continue;
			const job: CheckJob = {
				text: draft.text,
				path: draft.name,
				date: draft.meta.date ?? options.date,
				lang: draft.meta.lang ?? options.lang,
				platform: draft.meta.platform,
			};
			const cacheKey = options.cache?.keyOf(job);
			const cached = cacheKey === undefined ? undefined : options.cache?.get(cacheKey);
			if (cached) stats.cached++;
			const result = cached ? Promise.resolve(cached) : checker.check(job);
			// Rejections are handled when the result's turn comes; this only keeps Node from calling them unhandled.
			result.catch(() => {});
			inFlight.push({ draft, file: input.path, cacheKey, result });
			if (inFlight.length >= checker.window) await takeOldest();
			if (++submitted % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
		}
	}
	while (inFlight.length > 0) await takeOldest();
	io.progress.finish();
	return { report: { version: JSON_REPORT_VERSION, files, summary }, texts, regions, inputErrors, stats, findings };
}

/** Names the draft and the rules the time budget left out (the first three, then a count). */
function overBudgetWarning(draft: string, skipped: string[]): string {
	const rules =
		skipped.length > 3 ? `${skipped.slice(0, 3).join(", ")} and ${skipped.length - 3} more` : skipped.join(", ");
	return `${draft}: warning: rules took longer than --time-budget allows; skipped ${rules}`;
}

/** A finding with its span moved from the draft into the file the draft came from. */
function inFile(finding: Finding, draft: Draft): Finding {
	const span = {
		start: toFileOffset(draft.offsets, finding.span.start),
		end: toFileOffset(draft.offsets, finding.span.end),
	};
	return { ...finding, span };
}

/** The text a formatter shows for a draft, its excerpt; for one draft of a multi-draft file, also where both lie. */
function shownText({ draft, file }: Pending): ShownText {
	if (draft.name === file) return { text: draft.excerpt.text };
	return { text: draft.excerpt.text, region: regionOf(draft) };
}

/** Where a draft and its excerpt lie in its file. */
function regionOf(draft: Draft): DraftRegion {
	return {
		start: toFileOffset(draft.offsets, 0),
		end: toFileOffset(draft.offsets, draft.text.length),
		textOffset: draft.excerpt.offset,
	};
}
