import type { DraftMeta } from "../contracts/draft.js";
import type { OffsetMap } from "./offsets.js";

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
