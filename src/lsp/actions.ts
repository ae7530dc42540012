import { type CodeAction, CodeActionKind, TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Rule } from "../contracts/pack.js";
import type { Finding, Span } from "../contracts/report.js";
import { fixEdit } from "../fix/plan.js";
import { rangeOf, toDiagnostic } from "./diagnostics.js";

/**
 * The quick fixes for one finding: the rule's fix (`fix: append` adds the suggested disclaimer at the end; otherwise the
 * suggestion replaces the flagged text, which the user confirms in the editor); and remove the flagged text.
 */
export function codeActionsFor(document: TextDocument, finding: Finding, kind: Rule["fix"]): CodeAction[] {
	const text = document.getText();
	const actions: CodeAction[] = [];
	const { suggestion, match } = finding;
	const edit = fixEdit(text, finding, kind ?? "replace");
	if (edit) {
		const title = kind === "append" ? `Add "${suggestion}" at the end` : `Replace "${match}" with "${suggestion}"`;
		const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
		actions.push(fix(document, finding, title, TextEdit.replace(range, edit.text), true));
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
