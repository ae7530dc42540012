import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
import type { Formatter } from "./types.js";

/** Every output format by its `--format` name. */
export const FORMATTERS = {
	pretty: formatPretty,
	json: formatJson,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
