import { Chalk, type ChalkInstance } from "chalk";
import type { Severity } from "../../contracts/config.js";
import type { JsonFinding, Summary } from "../../contracts/report.js";
import type { ShownText, StreamingFormatter } from "./types.js";

/**
 * The human report: findings grouped by draft, each with the line it is on, the match underlined, the guideline it
 * enforces and what to write instead, then a summary line. Written for someone who has never seen a linter.
 */
export const streamPretty: StreamingFormatter = (context) => {
	const paint = new Chalk({ level: context.color ? 1 : 0 });
	return {
		head: () => "",
		file: (file, shown) => {
			if (file.findings.length === 0) return "";
			const body = file.findings.map((finding) => formatFinding(finding, shown, paint)).join("\n\n");
			return `${paint.underline(file.path)}\n${body}\n\n`;
		},
		tail: (summary) => `${summaryLine(summary, paint)}\n`,
	};
};

const SEVERITY_COLOR: Record<Severity, (paint: ChalkInstance) => ChalkInstance> = {
	error: (paint) => paint.red.bold,
	warning: (paint) => paint.yellow.bold,
	info: (paint) => paint.blue.bold,
};

function formatFinding(finding: JsonFinding, shown: ShownText, paint: ChalkInstance): string {
	const place = `${finding.line}:${finding.column}`.padEnd(7);
	const severity = SEVERITY_COLOR[finding.severity](paint)(finding.severity.padEnd(7));
	const header = `  ${place}${severity} ${finding.message}  ${paint.dim(`${finding.ruleId} · score ${finding.score.toFixed(2)}`)}`;
	const gutter = paint.dim("│");
	const fullLine = lineOf(finding, shown);
	const fullEnd = finding.endLine === finding.line ? finding.endColumn : fullLine.length + 1;
	const { line, column, endColumn } = excerpt(fullLine, finding.column, fullEnd);
	const underline =
		" ".repeat(displayWidth(line.slice(0, column - 1))) +
		"^".repeat(Math.max(1, displayWidth(line.slice(column - 1, endColumn - 1))));
	const parts = [
		header,
		`         ${gutter} ${line}`,
		`         ${gutter} ${SEVERITY_COLOR[finding.severity](paint)(underline)}`,
		`         ${gutter} ${paint.italic(`“${finding.guideline.text}”`)} ${paint.dim(`(${finding.guideline.source})`)}`,
	];
	if (finding.suggestion) parts.push(`         ${gutter} ${paint.green(`Try: ${finding.suggestion}`)}`);
	parts.push(`         ${gutter} ${paint.dim(`Why: ${finding.reasons.join("; ")}`)}`);
	return parts.join("\n");
}

/**
 * The line a finding starts on, without its line break: found from the finding's offset and column (in the file)
 * rather than by splitting the text, which for a draft of a multi-draft file starts where the draft's lines do.
 */
function lineOf(finding: JsonFinding, { text = "", region }: ShownText): string {
	const start = finding.offset - (finding.column - 1) - (region?.textOffset ?? 0);
	const end = text.slice(start).search(/\r|\n/);
	return text.slice(start, end < 0 ? undefined : start + end);
}

/** Context shown on either side of a match, in UTF-16 code units: a long line is cut, or output grows as its square. */
const EXCERPT_CONTEXT = 60;

/** The part of a long line around a match, marked with "…" where cut; columns are 1-based, into the excerpt. */
function excerpt(line: string, column: number, endColumn: number): { line: string; column: number; endColumn: number } {
	const from = Math.max(0, column - 1 - EXCERPT_CONTEXT);
	const to = Math.min(line.length, Math.max(endColumn - 1, column) + EXCERPT_CONTEXT);
	if (from === 0 && to === line.length) return { line, column, endColumn };
	const start = from > 0 && isLowSurrogate(line, from) ? from - 1 : from;
	const end = to < line.length && isLowSurrogate(line, to) ? to + 1 : to;
	const before = start > 0 ? "…" : "";
	const shift = before.length - start;
	return {
		line: `${before}${line.slice(start, end)}${end < line.length ? "…" : ""}`,
		column: column + shift,
		endColumn: endColumn + shift,
	};
}

function isLowSurrogate(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	return code >= 0xdc00 && code <= 0xdfff;
}

function summaryLine(summary: Summary, paint: ChalkInstance): string {
	const drafts = `${summary.files} ${summary.files === 1 ? "draft" : "drafts"}`;
	if (summary.findings === 0) return paint.green(`✔ No problems found in ${drafts}.`);
	const counts = [
		plural(summary.errors, "error"),
		plural(summary.warnings, "warning"),
		...(summary.infos ? [plural(summary.infos, "info")] : []),
	].join(", ");
	const mark = summary.errors > 0 ? paint.red.bold("✖") : paint.yellow.bold("⚠");
	return `${mark} ${plural(summary.findings, "problem")} (${counts}) in ${drafts}.`;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const WIDE =
	/\p{Extended_Pictographic}|[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const ZERO_WIDTH = /^(?:[\u200B-\u200F\u2060]|\p{M})$/u;

/** Terminal columns a string takes: wide characters and emoji count two, joiners and marks none. */
function displayWidth(text: string): number {
	let width = 0;
	for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : char === "\t" ? 4 : 1;
	return width;
}
