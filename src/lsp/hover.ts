import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../contracts/report.js";
import { rangeOf } from "./diagnostics.js";

/**
 * The hover over one or more findings at the same place: what is wrong, the guideline it enforces, and the reasons
 * behind its score.
 */
export function hoverFor(document: TextDocument, findings: readonly [Finding, ...Finding[]]): Hover {
	const sections = findings.map((finding) =>
		[
			`**${finding.ruleId}** (${finding.severity}): ${finding.message}`,
			"",
			`Guideline: ${finding.guideline.text} _(${finding.guideline.source})_`,
			"",
			`Score ${finding.score.toFixed(2)}, because:`,
			...finding.reasons.map((reason) => `- ${reason}`),
			...(finding.link ? ["", `[About this rule](${finding.link})`] : []),
		].join("\n"),
	);
	return {
		contents: { kind: "markdown", value: sections.join("\n\n---\n\n") },
		range: rangeOf(document, findings[0].span),
	};
}
