import type { Language } from "./contracts/config.js";
import type { Finding } from "./contracts/report.js";
import { buildDocument } from "./document/document.js";
import { splitParts } from "./document/parts.js";
import { mergeOverlapping } from "./findings/merge.js";
import { sortFindings } from "./findings/sort.js";
import type { CompiledRule } from "./packs/compile.js";
import { type RunOptions, runRules } from "./packs/engine.js";

/**
 * The kernel: one draft in, its findings out. No files, no process, no config discovery: the caller hands over
 * compiled rules, as textlint's kernel does. A very long draft is checked part by part (see splitParts), so memory
 * stays bounded; spans are always offsets into the whole draft.
 */
export function check(
	text: string,
	language: Language,
	rules: readonly CompiledRule[],
	options: RunOptions,
): Finding[] {
	const findings = splitParts(text).flatMap((part) => {
		const doc = buildDocument(text.slice(part.start, part.end), language);
		return runRules(doc, rules, options).map((finding) => shiftFinding(finding, part.start));
	});
	return mergeOverlapping(sortFindings(findings), text);
}

function shiftFinding(finding: Finding, by: number): Finding {
	if (by === 0) return finding;
	return { ...finding, span: { start: finding.span.start + by, end: finding.span.end + by } };
}
