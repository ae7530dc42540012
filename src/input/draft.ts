import type { DraftMeta } from "../contracts/draft.js";
import { type OffsetMap, sliceAt } from "./offsets.js";

/** One draft cut out of a file, with where it came from. */
export interface Draft {
	/** How the draft is reported: `file`, `file#id` or `file:line`. */
	name: string;
	/** What identifies the draft across edits (for baselines): `file#id`, or `file` when it has no id. */
	key: string;
	text: string;
	/** Draft offsets to offsets in the file. */
	offsets: OffsetMap;
	meta: DraftMeta;
	/** The lines of the file the draft is on, so its findings are placed and shown without the rest of the file. */
	excerpt: FileExcerpt;
}

/**
 * Whole lines of a file, and where they start in it: a record of a JSON Lines or CSV file (read a record at a time),
 * or the whole text of any other file.
 */
export interface FileExcerpt {
	text: string;
	/** The file offset of the first character, which starts a line. */
	offset: number;
	/** Its 1-based line in the file. */
	line: number;
}

/** A whole file as its own excerpt. */
export function wholeFile(text: string): FileExcerpt {
	return { text, offset: 0, line: 1 };
}

/** A whole file as one draft, reported under the file's name. */
export function wholeFileDraft(text: string, file: string): Draft {
	return { name: file, key: file, text, offsets: sliceAt(0), meta: {}, excerpt: wholeFile(text) };
}

/** Something wrong in a draft file, at a 1-based line and column of the file. */
export interface InputProblem {
	line: number;
	column: number;
	message: string;
}

/** What a draft file holds: its drafts, and what could not be read (the other drafts are still checked). */
export interface SplitResult {
	drafts: Draft[];
	problems: InputProblem[];
}

/** One thing read from a draft file: a draft, or a problem at its place. */
export type SplitItem = { draft: Draft } | { problem: InputProblem };

/** The drafts and the problems, each in file order. */
export function collectSplit(items: Iterable<SplitItem>): SplitResult {
	const result: SplitResult = { drafts: [], problems: [] };
	for (const item of items) {
		if ("draft" in item) result.drafts.push(item.draft);
		else result.problems.push(item.problem);
	}
	return result;
}

/** The reported name of a draft from a multi-draft file. */
export function draftName(file: string, id: string | undefined, line: number): { name: string; key: string } {
	return id === undefined ? { name: `${file}:${line}`, key: file } : { name: `${file}#${id}`, key: `${file}#${id}` };
}
