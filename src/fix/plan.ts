import type { Rule } from "../contracts/pack.js";
import type { Finding } from "../contracts/report.js";

/** One text edit: replace the half-open range `start..end` (UTF-16 code units) with `text`; an insertion is empty. */
export interface Edit {
	start: number;
	end: number;
	text: string;
	finding: Finding;
}

/** What `--fix` would do to a draft. */
export interface FixPlan {
	/** Non-overlapping edits, in document order. */
	edits: Edit[];
	/** Fixable findings whose edit overlaps an earlier one: left for the next run or for a human. */
	skipped: Finding[];
	/** Errors no fix removes: while there is one, the draft is not safe to publish and is left untouched. */
	blockers: Finding[];
}

/**
 * Plans the safe fixes for a draft's findings: a rule with `fix: append` adds its suggestion (the disclaimer, in the
 * draft's language) as a line at the end of the draft, one with `fix: replace` puts its suggestion in place of the
 * match. Edits
 * that overlap an earlier one are skipped (two appends overlap too, so a draft never gets two disclaimers). A draft
 * with an error that has no fix gets no edits at all: fixing the small things would make it look ready to publish.
 */
export function planFixes(text: string, findings: readonly Finding[], fixOf: (ruleId: string) => Rule["fix"]): FixPlan {
	const blockers = findings.filter((finding) => finding.severity === "error" && !editFor(text, finding, fixOf));
	if (blockers.length > 0) return { edits: [], skipped: [], blockers };
	const edits: Edit[] = [];
	const skipped: Finding[] = [];
	for (const finding of findings) {
		const edit = editFor(text, finding, fixOf);
		if (!edit) continue;
		if (edits.some((other) => overlaps(edit, other))) skipped.push(finding);
		else edits.push(edit);
	}
	return { edits: edits.sort((a, b) => a.start - b.start), skipped, blockers };
}

function editFor(text: string, finding: Finding, fixOf: (ruleId: string) => Rule["fix"]): Edit | undefined {
	const kind = fixOf(finding.ruleId);
	const edit = kind && fixEdit(text, finding, kind);
	return edit ? { ...edit, finding } : undefined;
}

/**
 * The edit a fix makes for one finding, shared by `--fix` and the editor's quick fixes: `replace` puts the suggestion
 * in place of the match; `append` adds it as a line of its own at the end, with the draft's line breaks (a draft that
 * ends with a line break keeps one at the end). Undefined when the finding has no suggestion.
 */
export function fixEdit(
	text: string,
	finding: Finding,
	kind: NonNullable<Rule["fix"]>,
): { start: number; end: number; text: string } | undefined {
	const { suggestion } = finding;
	if (!suggestion) return undefined;
	if (kind === "replace") return { start: finding.span.start, end: finding.span.end, text: suggestion };
	const lineBreak = text.includes("\r\n") ? "\r\n" : "\n";
	const line = text === "" || /[\r\n]$/.test(text) ? `${suggestion}${lineBreak}` : `${lineBreak}${suggestion}`;
	return { start: text.length, end: text.length, text: line };
}

/** Two edits overlap when their ranges share a character, or when they insert at the same place. */
function overlaps(a: Edit, b: Edit): boolean {
	if (a.start === a.end && b.start === b.end) return a.start === b.start;
	return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits from the end of the text, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
	let result = text;
	for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
		result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	}
	return result;
}
