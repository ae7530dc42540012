import { formatCheckstyle } from "./checkstyle.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";
import type { Formatter } from "./types.js";

/** Every output format by its `--format` name. */
export const FORMATTERS = {
	pretty: formatPretty,
	json: formatJson,
	sarif: formatSarif,
	github: formatGithub,
	junit: formatJunit,
	checkstyle: formatCheckstyle,
	html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
