import type { FileReport, JsonReport, Summary } from "../../contracts/report.js";
import type { Formatter } from "./types.js";

/** The versioned JSON report, one object, two-space indented, keys in contract order. */
export const formatJson: Formatter = (report) => {
	const files = report.files.map(formatJsonFile);
	return `${jsonHead(report.version)}${files.length === 0 ? "[]" : `[\n${files.join(",\n")}\n  ]`}${jsonTail(report.summary)}`;
};

/**
 * The same bytes as `formatJson`, handed to `write` a draft at a time: a batch's memory then holds no report. The
 * files follow `version` and come before `summary`, so each can be written as soon as it is checked.
 */
export function streamJson(version: JsonReport["version"], write: (chunk: string) => void) {
	let written = 0;
	return {
		file(file: FileReport): void {
			write(`${written === 0 ? `${jsonHead(version)}[\n` : ",\n"}${formatJsonFile(file)}`);
			written++;
		},
		end(summary: Summary): void {
			write(`${written === 0 ? `${jsonHead(version)}[]` : "\n  ]"}${jsonTail(summary)}`);
		},
	};
}

function jsonHead(version: JsonReport["version"]): string {
	return `{\n  "version": ${JSON.stringify(version)},\n  "files": `;
}

function formatJsonFile(file: FileReport): string {
	return indent(JSON.stringify(file, null, 2), "    ");
}

function jsonTail(summary: Summary): string {
	return `,\n  "summary": ${indent(JSON.stringify(summary, null, 2), "  ").trimStart()}\n}\n`;
}

/** JSON escapes line breaks inside strings, so every line break is between values. */
function indent(json: string, by: string): string {
	return `${by}${json.replaceAll("\n", `\n${by}`)}`;
}
