import { streamCheckstyle } from "./checkstyle.js";
import { streamGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { streamJson } from "./json.js";
import { streamJunit } from "./junit.js";
import { streamPretty } from "./pretty.js";
import { streamSarif } from "./sarif.js";
import type { Formatter, StreamingFormatter } from "./types.js";

/** The formats a batch writes a draft at a time, by their `--format` name. */
export const STREAMING_FORMATTERS = {
	pretty: streamPretty,
	json: streamJson,
	sarif: streamSarif,
	github: streamGithub,
	junit: streamJunit,
	checkstyle: streamCheckstyle,
} as const satisfies Record<string, StreamingFormatter>;

/** The `--format` names of the formats a batch writes a draft at a time. */
export type StreamingFormatName = keyof typeof STREAMING_FORMATTERS;

/**
 * Every output format by its `--format` name, as a formatter of the whole report. HTML is only that: its page opens
 * with the summary and the table of rules that fired.
 */
export const FORMATTERS = {
	...wholeReports(STREAMING_FORMATTERS),
	html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** Whether a format can be written a draft at a time. */
export function isStreaming(format: FormatName): format is StreamingFormatName {
	return Object.hasOwn(STREAMING_FORMATTERS, format);
}

function wholeReports<Name extends string>(formats: Record<Name, StreamingFormatter>): Record<Name, Formatter> {
	return Object.fromEntries(
		Object.entries<StreamingFormatter>(formats).map(([name, format]) => [name, wholeReport(format)]),
	) as Record<Name, Formatter>;
}

/** The whole-report formatter of a streaming format: its parts, joined, so both give the same bytes. */
function wholeReport(format: StreamingFormatter): Formatter {
	return (report, context) => {
		const parts = format(context);
		let text = parts.head();
		for (const file of report.files) {
			text += parts.file(file, { text: context.texts.get(file.path), region: context.regions?.get(file.path) });
		}
		return text + parts.tail(report.summary);
	};
}
