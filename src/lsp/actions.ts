import { type CodeAction, CodeActionKind, TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding, Span } from "../contracts/report.js";
import { rangeOf, toDiagnostic } from "./diagnostics.js";

/** The pack whose suggestions are lines to add (a disclaimer), not replacements for the flagged text. */
const DISCLAIMER_PACK = "affiliation";

/**
 * The quick fixes for one finding: add the suggested disclaimer at the end, or replace the flagged text with the
 * suggestion; and remove the flagged text.
 */
export function codeActionsFor(document: TextDocument, finding: Finding): CodeAction[] {
	const text = document.getText();
	const actions: CodeAction[] = [];
	const { suggestion, match } = finding;
	if (suggestion && finding.pack === DISCLAIMER_PACK) {
		const eol = text.includes("\r\n") ? "\r\n" : "\n";
		const line = text === "" || /[\r\n]$/.test(text) ? `${suggestion}${eol}` : `${eol}${suggestion}`;
		const edit = TextEdit.insert(document.positionAt(text.length), line);
		actions.push(fix(document, finding, `Add "${suggestion}" at the end`, edit, true));
	} else if (suggestion) {
		const edit = TextEdit.replace(rangeOf(document, finding.span), suggestion);
		actions.push(fix(document, finding, `Replace "${match}" with "${suggestion}"`, edit, true));
	}
	const removal = TextEdit.del(rangeOf(document, removalSpan(text, finding.span)));
	actions.push(fix(document, finding, `Remove "${match}"`, removal, false));
	return actions;
}

/** The flagged text with one neighbouring space, so removing "Globex" from "signed Globex today" leaves one space. */
function removalSpan(text: string, span: Span): Span {
	if (text[span.end] === " ") return { start: span.start, end: span.end + 1 };
	if (text[span.start - 1] === " ") return { start: span.start - 1, end: span.end };
	return span;
}

function fix(
	document: TextDocument,
	finding: Finding,
	title: string,
	edit: TextEdit,
	isPreferred: boolean,
): CodeAction {
	return {
		title,
		kind: CodeActionKind.QuickFix,
		diagnostics: [toDiagnostic(document, finding)],
		isPreferred,
		edit: { changes: { [document.uri]: [edit] } },
	};
}
