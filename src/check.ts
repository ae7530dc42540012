import type { Language } from "./contracts/config.js";
import type { Finding } from "./contracts/report.js";
import { buildDocument } from "./document/document.js";
import { mergeOverlapping } from "./findings/merge.js";
import { sortFindings } from "./findings/sort.js";
import type { CompiledRule } from "./packs/compile.js";
import { type RunOptions, runRules } from "./packs/engine.js";

/**
 * The kernel: one draft in, its findings out. No files, no process, no config discovery: the caller hands over
 * compiled rules, as textlint's kernel does.
 */
export function check(
	text: string,
	language: Language,
	rules: readonly CompiledRule[],
	options: RunOptions,
): Finding[] {
	const doc = buildDocument(text, language);
	return mergeOverlapping(sortFindings(runRules(doc, rules, options)), text);
}
