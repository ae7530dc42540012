import type { CsvColumns } from "../contracts/config.js";
import { splitCsv } from "./csv.js";
import type { SplitItem, SplitResult } from "./draft.js";
import { readJsonLines, splitJsonLines } from "./jsonl.js";
import { splitMarkdown } from "./markdown.js";
import { sliceAt } from "./offsets.js";

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

/** Splits a decoded file into its drafts; `file` is the name drafts are reported under. */
export function splitDrafts(text: string, file: string, format: DraftFormat, csvColumns: CsvColumns): SplitResult {
	return format === "jsonl" ? splitJsonLines(text, file) : splitWhole(text, file, format, csvColumns);
}

/**
 * The drafts of a decoded file as they are read: a JSON Lines file (a batch of any size) a line at a time, so only
 * the drafts being checked are in memory; the other formats' problems first, then their drafts.
 */
export function* readDrafts(
	text: string,
	file: string,
	format: DraftFormat,
	csvColumns: CsvColumns,
): Generator<SplitItem> {
	if (format === "jsonl") {
		yield* readJsonLines(text, file);
		return;
	}
	const { drafts, problems } = splitWhole(text, file, format, csvColumns);
	for (const problem of problems) yield { problem };
	for (const draft of drafts) yield { draft };
}

function splitWhole(
	text: string,
	file: string,
	format: Exclude<DraftFormat, "jsonl">,
	csvColumns: CsvColumns,
): SplitResult {
	switch (format) {
		case "csv":
			return splitCsv(text, file, csvColumns);
		case "markdown":
			return splitMarkdown(text, file);
		case "plain":
			return { drafts: [{ name: file, key: file, text, offsets: sliceAt(0), meta: {} }], problems: [] };
	}
}
