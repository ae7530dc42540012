import type { FileReport, JsonReport, Span, Summary } from "../../contracts/report.js";

/** What every format may use besides the report. */
export interface FormatContext {
	color: boolean;
	/** postcheck's own version, for formats that name the tool (SARIF). */
	version?: string;
}

/** What a whole-report formatter may use besides the report: also the drafts' texts. */
export interface ReportContext extends FormatContext {
	/** The drafts' texts by path, for showing the offending line (see `ShownText.text`). */
	texts: ReadonlyMap<string, string>;
	/** Where each draft of a multi-draft file lies in its file (see `ShownText.region`). */
	regions?: ReadonlyMap<string, DraftRegion>;
}

/** A draft's text, given with its report to the formats that show it (pretty); nothing for the others. */
export interface ShownText {
	/**
	 * The text the findings' positions count in: the whole text of a draft that is a file, or for a draft from a
	 * multi-draft file the lines of the file it is on (a JSON Lines or CSV file is never held whole), see `region`.
	 */
	text?: string;
	/** For a draft from a multi-draft file, where it and `text` lie in the file. */
	region?: DraftRegion;
}

/** Where a draft of a multi-draft file lies in the file (`start` to `end`), and where the text shown for it starts. */
export interface DraftRegion extends Span {
	/** The file offset of the shown text's first character. */
	textOffset: number;
}

/** A formatter turns a report into text. It never writes and never decides the exit code (as in ESLint). */
export type Formatter = (report: JsonReport, context: ReportContext) => string;

/**
 * One report's text in the order it is written: `head`, then `file` for each draft in report order, then `tail`.
 * Concatenated, the parts are the whole report's text, so a batch can write each draft's part as soon as it is
 * checked and keep none of the report. The parts belong to one report: a format may remember what earlier drafts
 * had (SARIF numbers rules as they first appear).
 */
export interface ReportParts {
	head(): string;
	file(file: FileReport, shown: ShownText): string;
	/** What comes after the last draft, when the summary is known. */
	tail(summary: Summary): string;
}

/** A format that can be written a draft at a time: it starts one report's parts. */
export type StreamingFormatter = (context: FormatContext) => ReportParts;
