/**
 * Checkstyle XML, laid out as ESLint's `checkstyle` formatter emits it, for CI tools that read checkstyle reports.
 * Format: https://checkstyle.org (the `checkstyle`/`file`/`error` elements of its XML report).
 */
import type { Severity } from "../../contracts/config.js";
import type { JsonFinding } from "../../contracts/report.js";
import { escapeXml, XML_DECLARATION } from "./markup.js";
import type { StreamingFormatter } from "./types.js";

/** Checkstyle's severities include `info`, so ours map one to one. */
const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: "error", warning: "warning", info: "info" };

/** A `<file>` per draft (clean ones too, as ESLint does) with an `<error>` per finding. */
export const streamCheckstyle: StreamingFormatter = () => ({
	head: () => `${XML_DECLARATION}<checkstyle version="4.3">`,
	file: (file) => {
		const errors = file.findings.map((finding) => `<error ${attributes(finding)} />`).join("");
		return `<file name="${escapeXml(file.file ?? file.path)}">${errors}</file>`;
	},
	tail: () => "</checkstyle>\n",
});

function attributes(finding: JsonFinding): string {
	return [
		`line="${finding.line}"`,
		`column="${finding.column}"`,
		`severity="${CHECKSTYLE_SEVERITY[finding.severity]}"`,
		`message="${escapeXml(`${finding.message} (${finding.ruleId})`)}"`,
		`source="${escapeXml(`postcheck.rules.${finding.ruleId}`)}"`,
	].join(" ");
}
