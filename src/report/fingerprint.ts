import { createHash } from "node:crypto";
import type { FileReport } from "../contracts/report.js";

/**
 * A stable identity for each finding of a draft, in the order of `file.findings`: a hash of the rule, the draft, the
 * matched text (case and runs of whitespace folded) and which occurrence of that text in the draft it is. Line
 * numbers are left out, so editing another part of the draft keeps the identity.
 */
export function fingerprintFindings(file: FileReport): string[] {
	const seen = new Map<string, number>();
	return file.findings.map((finding) => {
		const key = [finding.ruleId, file.path, finding.match.toLowerCase().replace(/\s+/g, " ").trim()].join("\0");
		const occurrence = seen.get(key) ?? 0;
		seen.set(key, occurrence + 1);
		return createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
	});
}
