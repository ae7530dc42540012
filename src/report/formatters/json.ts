import { JSON_REPORT_VERSION } from "../../contracts/report.js";
import { nestedJson } from "./nested-json.js";
import type { StreamingFormatter } from "./types.js";

/**
 * The versioned JSON report, one object, two-space indented, keys in contract order. The files follow `version` and
 * come before `summary`, so each can be written as soon as it is checked.
 */
export const streamJson: StreamingFormatter = () => {
	let files = 0;
	return {
		head: () => `{\n  "version": ${JSON_REPORT_VERSION},\n  "files": [`,
		file: (file) => `${files++ === 0 ? "\n" : ",\n"}    ${nestedJson(file, 2)}`,
		tail: (summary) => `${files === 0 ? "" : "\n  "}],\n  "summary": ${nestedJson(summary, 1)}\n}\n`,
	};
};
