import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { Finding, JsonReport } from "../contracts/report.js";
import { applyEdits, planFixes } from "../fix/plan.js";
import { decodeText } from "../input/decode.js";
import type { CompiledRule } from "../packs/compile.js";
import { indexLines, positionOf } from "../report/positions.js";
import { STDIN_PATH } from "./inputs.js";

/** What `--fix` or `--fix-dry-run` did to one draft. */
export interface FixOutcome {
	/** The fixed text, when there was something to fix. */
	text?: string;
	/** The unified diff, with `--fix-dry-run`. */
	diff?: string;
	/** One line each for the user (stderr): fixed, skipped, refused. */
	notes: string[];
}

/**
 * Fixes one draft: plans the rules' safe fixes, applies them from the end of the text, and (unless `dryRun`) writes
 * the file through a temporary file and a rename, so the draft is never half written. A draft whose bytes are not
 * plain UTF-8 as read, or that changed since it was read, is left alone: nothing the user wrote may be lost.
 */
export function fixDraft(
	draft: { path: string; text: string },
	findings: readonly Finding[],
	rules: readonly CompiledRule[],
	options: { dryRun: boolean; cwd: string },
): FixOutcome {
	const fixes = new Map(rules.map((rule) => [rule.id, rule.fix]));
	const plan = planFixes(draft.text, findings, (ruleId) => fixes.get(ruleId));
	const where = (finding: Finding) => {
		const { line, column } = positionOf(indexLines(draft.text), finding.span.start);
		return `${finding.ruleId} at ${line}:${column}`;
	};
	if (plan.blockers.length > 0) {
		const count = plan.blockers.length === 1 ? "an error needs" : `${plan.blockers.length} errors need`;
		return { notes: [`not fixed: ${count} a human first (${plan.blockers.map(where).join(", ")})`] };
	}
	const notes = plan.skipped.map((finding) => `skipped the fix for ${where(finding)}: it overlaps another fix`);
	if (plan.edits.length === 0) return { notes };
	const text = applyEdits(draft.text, plan.edits);
	const fixed = plan.edits.map((edit) => where(edit.finding)).join(", ");
	if (options.dryRun) {
		const diff = createTwoFilesPatch(draft.path, draft.path, draft.text, text, undefined, undefined, {
			headerOptions: FILE_HEADERS_ONLY,
		});
		return { text, diff, notes: [...notes, `would fix ${fixed}`] };
	}
	if (draft.path === STDIN_PATH)
		return { notes: [...notes, "standard input is not fixed in place: use --fix-dry-run to see the fix"] };
	const refusal = writeFixed(resolve(options.cwd, draft.path), draft.text, text);
	if (refusal) return { notes: [...notes, `not fixed: ${refusal}`] };
	return { text, notes: [...notes, `fixed ${fixed}`] };
}

/**
 * `--fix` and `--fix-dry-run` over a run's report: each draft that is a whole file (not one of several drafts in a
 * .jsonl, .csv or Markdown file) gets its safe fixes. `texts` holds every draft's text as checked. Standard input
 * (also when `--stdin-filename` names it) is never written. Returns the diffs, one note per line for stderr, and
 * whether a file changed (then the report must be made again).
 */
export function fixReportedDrafts(
	report: JsonReport,
	texts: ReadonlyMap<string, string>,
	rules: readonly CompiledRule[],
	options: { dryRun: boolean; cwd: string; stdinFilename?: string },
): { diffs: string[]; notes: string[]; changed: boolean } {
	const diffs: string[] = [];
	const notes: string[] = [];
	let changed = false;
	for (const file of report.files) {
		const text = texts.get(file.path);
		if (file.file !== undefined) {
			const fixable = file.findings.some((finding) => rules.some((rule) => rule.id === finding.ruleId && rule.fix));
			if (fixable) notes.push(`${file.path}: not fixed: one of several drafts in ${file.file}; fix it there`);
			continue;
		}
		if (text === undefined || file.findings.length === 0) continue;
		const path = file.path === options.stdinFilename ? STDIN_PATH : file.path;
		const findings = file.findings.map(
			({ line, column, endLine, endColumn, offset, length, ...finding }): Finding => ({
				...finding,
				span: { start: offset, end: offset + length },
			}),
		);
		const outcome = fixDraft({ path, text }, findings, rules, options);
		notes.push(...outcome.notes.map((note) => `${file.path}: ${note}`));
		if (outcome.diff) diffs.push(outcome.diff);
		if (outcome.text !== undefined && !options.dryRun) changed = true;
	}
	return { diffs, notes, changed };
}

/** Writes the fixed text in place of the original; returns why it refused, if it did. */
function writeFixed(file: string, original: string, fixed: string): string | undefined {
	const bytes = readFileSync(file);
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return "only UTF-8 drafts are fixed; this one is UTF-16";
	const decoded = decodeText(bytes);
	if (!decoded || decoded.warnings.length > 0) return "the file is not valid UTF-8, so rewriting it would lose bytes";
	if (decoded.text !== original) return "the file changed since it was read";
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "\uFEFF" : "";
	const temporary = join(dirname(file), `.${basename(file)}.postcheck-${process.pid}.tmp`);
	try {
		writeFileSync(temporary, bom + fixed, { encoding: "utf8", mode: statSync(file).mode });
		renameSync(temporary, file);
	} catch (error) {
		try {
			unlinkSync(temporary);
		} catch {
			// Nothing was written, or the rename already moved it.
		}
		return `cannot write it (${(error as NodeJS.ErrnoException).code ?? "error"})`;
	}
	return undefined;
}
