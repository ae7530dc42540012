import { type Diagnostic, DiagnosticSeverity, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Severity } from "../contracts/config.js";
import type { Finding, Span } from "../contracts/report.js";
import type { UserError } from "../errors.js";

/** Diagnostics name their source so users can tell postcheck's from other linters'. */
const SOURCE = "postcheck";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
};

/**
 * A span as an LSP range. Both count UTF-16 code units (LSP's default position encoding), and the document's own line
 * table is the one the client uses, so positions land exactly, also after emoji and CRLF.
 */
export function rangeOf(document: TextDocument, span: Span): Range {
	return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** One finding as a diagnostic: rule id as code, its link as the code's description, the guideline in the message. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
	return {
		range: rangeOf(document, finding.span),
		severity: SEVERITIES[finding.severity],
		code: finding.ruleId,
		...(finding.link ? { codeDescription: { href: finding.link } } : {}),
		source: SOURCE,
		message: `${finding.message}\n${finding.guideline.text} (${finding.guideline.source})`,
	};
}

/** A config or pack error as a diagnostic on the file it points into; line and column are 1-based in the error. */
export function configErrorDiagnostic(error: UserError): Diagnostic {
	const line = Math.max(0, (error.location?.line ?? 1) - 1);
	const character = Math.max(0, (error.location?.column ?? 1) - 1);
	return {
		range: { start: { line, character }, end: { line, character } },
		severity: DiagnosticSeverity.Error,
		code: "config",
		source: SOURCE,
		message: error.message,
	};
}

/** On a draft whose config is broken: says where to look instead of silently checking nothing. */
export function brokenConfigNotice(error: UserError): Diagnostic {
	return {
		range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		severity: DiagnosticSeverity.Error,
		code: "config",
		source: SOURCE,
		message: `postcheck cannot check this draft until its config is fixed: ${error.describe()}`,
	};
}
