/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the draft in the pull request.
 * Spec: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 * Escaping as in @actions/core (command.ts): data escapes %, CR and LF; properties also escape : and ,.
 */
import type { Severity } from "../../contracts/config.js";
import type { JsonFinding } from "../../contracts/report.js";
import type { StreamingFormatter } from "./types.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = {
	error: "error",
	warning: "warning",
	info: "notice",
};

/** `::error file=…,line=…::message` lines, one per finding, in report order; nothing for a clean run. */
export const streamGithub: StreamingFormatter = () => ({
	head: () => "",
	file: (file) => file.findings.map((finding) => `${annotation(file.file ?? file.path, finding)}\n`).join(""),
	tail: () => "",
});

function annotation(path: string, finding: JsonFinding): string {
	// GitHub rejects col/endColumn on an annotation that spans lines (AnnotationProperties in @actions/core).
	const columns = finding.line === finding.endLine ? { col: finding.column, endColumn: finding.endColumn } : {};
	const properties = {
		file: path,
		line: finding.line,
		endLine: finding.endLine,
		...columns,
		title: `postcheck ${finding.ruleId}`,
	};
	const list = Object.entries(properties)
		.map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
		.join(",");
	const lines = [finding.message, `${finding.guideline.text} (${finding.guideline.source})`];
	if (finding.suggestion) lines.push(`Try: ${finding.suggestion}`);
	return `::${COMMAND[finding.severity]} ${list}::${escapeData(lines.join("\n"))}`;
}

function escapeData(text: string): string {
	return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
	return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
