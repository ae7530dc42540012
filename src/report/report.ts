import type { Language, Severity } from "../contracts/config.js";
import type { Finding } from "../contracts/report.js";
import {
	type FileReport,
	JSON_REPORT_VERSION,
	type JsonFinding,
	type JsonReport,
	type Summary,
} from "../contracts/report.js";
import { indexLines, type LineIndex, positionOf } from "./positions.js";

/** One checked draft, as the report stage receives it. */
export interface CheckedDraft {
	path: string;
	/** The file the draft is in, when `path` names one draft of a multi-draft file. */
	file?: string;
	language: Language;
	/** The text spans point into: the whole file for a draft from a multi-draft file. */
	text: string;
	findings: Finding[];
	/** The lines of `text`, when already indexed (drafts of one file share them). */
	lines?: LineIndex;
}

/** Builds the report every formatter reads: findings with lines and columns, and a summary. */
export function buildReport(drafts: readonly CheckedDraft[]): JsonReport {
	return assembleReport(drafts.map(toFileReport));
}

/** One draft's part of the report: findings with lines and columns. */
export function toFileReport(draft: CheckedDraft): FileReport {
	const lines = draft.lines ?? indexLines(draft.text);
	const findings = draft.findings.map(({ span, ...finding }): JsonFinding => {
		const start = positionOf(lines, span.start);
		const end = positionOf(lines, span.end);
		return {
			...finding,
			line: start.line,
			column: start.column,
			endLine: end.line,
			endColumn: end.column,
			offset: span.start,
			length: span.end - span.start,
		};
	});
	return { path: draft.path, ...(draft.file ? { file: draft.file } : {}), language: draft.language, findings };
}

/** The report of drafts already turned into file reports. */
export function assembleReport(files: FileReport[]): JsonReport {
	return { version: JSON_REPORT_VERSION, files, summary: summarize(files) };
}

function summarize(files: readonly FileReport[]): Summary {
	const count = (severity: Severity) =>
		files.reduce((total, file) => total + file.findings.filter((finding) => finding.severity === severity).length, 0);
	return {
		files: files.length,
		findings: files.reduce((total, file) => total + file.findings.length, 0),
		errors: count("error"),
		warnings: count("warning"),
		infos: count("info"),
	};
}
