import type { JsonReport } from "../../contracts/report.js";

/** What a formatter may use besides the report. */
export interface FormatContext {
	color: boolean;
	/** The drafts' texts by path, for showing the offending line. */
	texts: ReadonlyMap<string, string>;
	/**
	 * For a draft from a multi-draft file, its text above is the whole file (positions are in the file): this is the
	 * part of it that is the draft, for formats that show each draft on its own.
	 */
	regions?: ReadonlyMap<string, { start: number; end: number }>;
	/** postcheck's own version, for formats that name the tool (SARIF). */
	version?: string;
}

/** A formatter turns a report into text. It never writes and never decides the exit code (as in ESLint). */
export type Formatter = (report: JsonReport, context: FormatContext) => string;
