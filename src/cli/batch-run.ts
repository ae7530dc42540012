import { readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { BaselineSchema } from "../contracts/baseline.js";
import type { Language } from "../contracts/config.js";
import type { JsonReport } from "../contracts/report.js";
import { UserError } from "../errors.js";
import { baselineCounts, createBaseline, unusedCount } from "../findings/baseline.js";
import type { Shard } from "../input/shard.js";
import { draftFormatOf, STREAMED_FORMATS } from "../input/split.js";
import type { DraftRegion } from "../report/formatters/types.js";
import { assembleReport } from "../report/report.js";
import { describeRun } from "../report/run-summary.js";
import { checkBatch, type KeepTexts, type Source } from "./batch.js";
import { DEFAULT_CACHE_FILE, DraftCache } from "./cache.js";
import { createJobChecker, type ResultOptions } from "./check-job.js";
import { type Concurrency, createChecker, WORKER_THRESHOLD } from "./checker.js";
import { loadIgnoreFile } from "./ignore.js";
import { expandPaths, readDraftFile, readStdin, STDIN_PATH } from "./inputs.js";
import { type ReportStream, writeOrExplain } from "./output.js";
import { createProgress } from "./progress.js";
import type { Setup, SetupOptions } from "./setup.js";
import { readVersion } from "./version.js";

/** The command-line options a batch run reads. */
export interface BatchCliOptions extends ResultOptions {
	date: string;
	lang: Language | "auto";
	shard?: Shard;
	concurrency: Concurrency;
	baseline?: string;
	updateBaseline: boolean;
	cache: boolean;
	cacheLocation?: string;
	/** Which drafts' texts the formatter shows. */
	keepTexts: KeepTexts;
	/** The name standard input is reported under (and split by, for `.jsonl`, `.csv` and `.md` names). */
	stdinFilename?: string;
	/**
	 * Starts writing the report, once the drafts to check are known (the output must not be one of them), so that it
	 * is written a draft at a time instead of returned (not with --update-baseline, which empties it at the end).
	 */
	streamTo?: (draftPaths: readonly string[]) => ReportStream;
}

/** What `run` prints and decides the exit code from. */
export interface BatchRun {
	report: JsonReport;
	texts: Map<string, string>;
	regions: Map<string, DraftRegion>;
	inputErrors: number;
	/** A line for stderr about what --cache, --baseline or --shard did, which the report does not show. */
	runLine?: string;
	/** The files read (absolute), which `--output` must never overwrite. */
	files: string[];
	/** The report went to `streamTo` as the drafts were checked; `report` holds only its summary. */
	streamed: boolean;
}

/** Reads, checks and reports every draft the paths name, with the cache, baseline, shard and workers asked for. */
export async function runBatch(
	paths: readonly string[],
	setupOptions: SetupOptions,
	setup: Setup,
	options: BatchCliOptions,
): Promise<BatchRun> {
	const { cwd } = setupOptions;
	if (options.updateBaseline && !options.baseline)
		throw new UserError("--update-baseline needs --baseline FILE: the file to write");
	if (options.updateBaseline && options.shard)
		throw new UserError("--update-baseline must see every draft: run it without --shard");
	const baselineFile = options.baseline ? resolve(cwd, options.baseline) : undefined;
	const baseline =
		baselineFile && !options.updateBaseline ? readBaseline(baselineFile, options.baseline as string) : undefined;
	const resultOptions = {
		minScore: options.minScore,
		quiet: options.quiet,
		locale: options.locale,
		timeBudget: options.timeBudget,
	};
	const cache = options.cache
		? DraftCache.open(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE), [
				readVersion(),
				setup.fingerprint(),
				JSON.stringify(resultOptions),
			])
		: undefined;
	const entries = await expandPaths(
		paths.filter((path) => path !== "-"),
		cwd,
		loadIgnoreFile(cwd),
	);
	const fromStdin = paths.length === 0 || paths.includes("-");
	const files = entries.flatMap((entry) => ("file" in entry ? [entry.file] : []));
	const checker = createChecker(
		createJobChecker(setup, resultOptions),
		options.concurrency,
		{ setup: setupOptions, options: resultOptions },
		{ knownLarge: isKnownLarge(files) },
	);
	let stream: ReportStream | undefined;
	try {
		stream = options.updateBaseline ? undefined : options.streamTo?.(files);
		const result = await checkBatch(
			readSources(entries, fromStdin ? (options.stdinFilename ?? STDIN_PATH) : undefined, cwd),
			checker,
			{
				date: options.date,
				lang: options.lang,
				csv: setup.config.csv,
				shard: options.shard,
				cache,
				baseline,
				collectFindings: options.updateBaseline,
				keepTexts: options.keepTexts,
				onFile: stream?.file,
			},
			{
				warn: (line) => process.stderr.write(`postcheck: ${line}\n`),
				progress: createProgress(process.stderr),
				totalFiles: entries.length + (fromStdin ? 1 : 0),
			},
		);
		stream?.end(result.report.summary);
		if (cache) writeOrExplain("the cache file", options.cacheLocation ?? DEFAULT_CACHE_FILE, () => cache.save());
		let { report } = result;
		const stats = { ...result.stats, gone: baseline ? unusedCount(baseline) : 0 };
		if (options.updateBaseline && baselineFile) {
			const baselineText = `${JSON.stringify(createBaseline(result.findings), null, 2)}\n`;
			writeOrExplain("the baseline file", options.baseline as string, () => writeFileSync(baselineFile, baselineText));
			stats.accepted = result.findings.length;
			report = assembleReport(report.files.map((file) => ({ ...file, findings: [] })));
		}
		const batchFeatures = options.cache || options.baseline !== undefined || options.shard !== undefined;
		return {
			report,
			texts: result.texts,
			inputErrors: result.inputErrors,
			regions: result.regions,
			runLine: batchFeatures ? describeRun(report.summary, stats) : undefined,
			files,
			streamed: stream !== undefined,
		};
	} finally {
		stream?.close();
		await checker.close();
	}
}

/** Bytes of multi-draft files from which a run is large enough for workers before its first draft is checked. */
const LARGE_RUN_BYTES = 64 * 1024;

/**
 * Whether the files alone show that a run is large: as many files as the worker threshold, or JSON Lines and CSV
 * files of some size. Such a run starts its workers at once, so they have loaded by the time the main thread has
 * warmed up, instead of after the threshold's drafts (a second of one core, on a batch of 10,000 drafts).
 */
function isKnownLarge(files: readonly string[]): boolean {
	if (files.length >= WORKER_THRESHOLD) return true;
	let bytes = 0;
	for (const file of files) {
		if (!STREAMED_FORMATS.has(draftFormatOf(file))) continue;
		bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
		if (bytes >= LARGE_RUN_BYTES) return true;
	}
	return false;
}

/** The inputs one at a time, standard input (under the name `stdinName`) first when it is read. */
async function* readSources(
	entries: Awaited<ReturnType<typeof expandPaths>>,
	stdinName: string | undefined,
	cwd: string,
): AsyncGenerator<Source> {
	if (stdinName !== undefined) {
		if (process.stdin.isTTY)
			process.stderr.write("postcheck: reading a draft from standard input; end it with Ctrl-D\n");
		yield { input: await readStdin(process.stdin, stdinName), found: false };
	}
	for (const entry of entries) {
		yield "file" in entry
			? { input: readDraftFile(entry.file, cwd), found: entry.found }
			: { input: entry, found: false };
	}
}

function readBaseline(file: string, shown: string) {
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		throw new UserError("baseline file not found; create it with --update-baseline", { file: shown });
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new UserError(`not valid JSON: ${(error as Error).message}`, { file: shown });
	}
	const parsed = BaselineSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new UserError(`not a postcheck baseline: ${issue?.path.join(".")}: ${issue?.message}`, { file: shown });
	}
	return baselineCounts(parsed.data);
}
