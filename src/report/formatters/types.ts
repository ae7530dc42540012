import type { JsonReport } from "../../contracts/report.js";

/** What a formatter may use besides the report. */
export interface FormatContext {
	color: boolean;
	/** The drafts' texts by path, for showing the offending line. */
	texts: ReadonlyMap<string, string>;
	/** postcheck's own version, for formats that name the tool (SARIF). */
	version?: string;
}

/** A formatter turns a report into text. It never writes and never decides the exit code (as in ESLint). */
export type Formatter = (report: JsonReport, context: FormatContext) => string;
