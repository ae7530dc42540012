import type { CsvColumns } from "../contracts/config.js";
import { splitCsv } from "./csv.js";
import type { SplitResult } from "./draft.js";
import { splitJsonLines } from "./jsonl.js";
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
	switch (format) {
		case "jsonl":
			return splitJsonLines(text, file);
		case "csv":
			return splitCsv(text, file, csvColumns);
		case "markdown":
			return splitMarkdown(text, file);
		case "plain":
			return { drafts: [{ name: file, key: file, text, offsets: sliceAt(0), meta: {} }], problems: [] };
	}
}
