import type { Language, Severity } from "../contracts/config.js";
import type { Finding, SuppressedFinding } from "../contracts/report.js";
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
	/** The text spans point into, unless `lines` places them. */
	text: string;
	findings: Finding[];
	/** Findings a suppression or an `allow:` entry silenced. */
	suppressed?: SuppressedFinding[];
	/** The lines spans point into, when already indexed: for a draft from a multi-draft file, its lines of the file. */
	lines?: LineIndex;
}

/** Builds the report every formatter reads: findings with lines and columns, and a summary. */
export function buildReport(drafts: readonly CheckedDraft[]): JsonReport {
	return assembleReport(drafts.map(toFileReport));
}

/** One draft's part of the report: findings with lines and columns. */
export function toFileReport(draft: CheckedDraft): FileReport {
	const lines = draft.lines ?? indexLines(draft.text);
	const findings = draft.findings.map((finding) => withPosition(lines, finding));
	const suppressed = (draft.suppressed ?? []).map(({ suppression, ...finding }) => ({
		...withPosition(lines, finding),
		suppression,
	}));
	return {
		path: draft.path,
		...(draft.file ? { file: draft.file } : {}),
		language: draft.language,
		findings,
		...(suppressed.length > 0 ? { suppressed } : {}),
	};
}

function withPosition(lines: LineIndex, { span, ...finding }: Finding): JsonFinding {
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
}

/** The report of drafts already turned into file reports. */
export function assembleReport(files: FileReport[]): JsonReport {
	return { version: JSON_REPORT_VERSION, files, summary: files.reduce(countFile, EMPTY_SUMMARY) };
}

/** The summary of a report without files. */
export const EMPTY_SUMMARY: Summary = Object.freeze({ files: 0, findings: 0, errors: 0, warnings: 0, infos: 0 });

/** A summary with one more file counted: a batch that does not keep its files counts them as they pass. */
export function countFile(summary: Summary, file: FileReport): Summary {
	const count = (severity: Severity) => file.findings.filter((finding) => finding.severity === severity).length;
	return {
		files: summary.files + 1,
		findings: summary.findings + file.findings.length,
		errors: summary.errors + count("error"),
		warnings: summary.warnings + count("warning"),
		infos: summary.infos + count("info"),
	};
}
