import type { CsvColumns } from "../contracts/config.js";
import { readCsv } from "./csv.js";
import { collectSplit, type SplitItem, type SplitResult, wholeFileDraft } from "./draft.js";
import { readJsonLines } from "./jsonl.js";
import { splitMarkdown } from "./markdown.js";

/** How a file holds its drafts, by its extension. */
export const DRAFT_FORMATS = {
	".txt": "plain",
	".md": "markdown",
	".markdown": "markdown",
	".jsonl": "jsonl",
	".ndjson": "jsonl",
	".csv": "csv",
} as const;

export type DraftFormat = (typeof DRAFT_FORMATS)[keyof typeof DRAFT_FORMATS];

/** The format of a file by its name; anything else (and standard input) is one plain draft. */
export function draftFormatOf(path: string): DraftFormat {
	const lower = path.toLowerCase();
	const extension = Object.keys(DRAFT_FORMATS).find((candidate) => lower.endsWith(candidate));
	return extension ? DRAFT_FORMATS[extension as keyof typeof DRAFT_FORMATS] : "plain";
}

/**
 * A decoded file's text: whole, or its chunks as they are read (a JSON Lines or CSV file larger than a chunk, which
 * may hold any number of drafts).
 */
export type DraftText = string | Iterable<string>;

/** The formats split a record at a time as their chunks are read; the others are split whole. */
export const STREAMED_FORMATS: ReadonlySet<DraftFormat> = new Set(["jsonl", "csv"]);

/** Splits a decoded file into its drafts; `file` is the name drafts are reported under. */
export function splitDrafts(text: string, file: string, format: DraftFormat, csvColumns: CsvColumns): SplitResult {
	return collectSplit(readDrafts(text, file, format, csvColumns));
}

/**
 * The drafts of a decoded file as they are read: a JSON Lines or CSV file (a batch of any size) a record at a time,
 * drafts and problems in file order, so only the drafts being checked are in memory; the other formats (a file read
 * whole, its chunks joined) their problems first, then their drafts.
 */
export function* readDrafts(
	text: DraftText,
	file: string,
	format: DraftFormat,
	csvColumns: CsvColumns,
): Generator<SplitItem> {
	const chunks = typeof text === "string" ? [text] : text;
	if (format === "jsonl") return yield* readJsonLines(chunks, file);
	if (format === "csv") return yield* readCsv(chunks, file, csvColumns);
	const whole = typeof text === "string" ? text : [...text].join("");
	const { drafts, problems } =
		format === "markdown" ? splitMarkdown(whole, file) : { drafts: [wholeFileDraft(whole, file)], problems: [] };
	for (const problem of problems) yield { problem };
	for (const draft of drafts) yield { draft };
}
