/**
 * SARIF 2.1.0, as GitHub code scanning reads it.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * GitHub's subset: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import type { Severity } from "../../contracts/config.js";
import type { JsonFinding, JsonReport } from "../../contracts/report.js";
import { fingerprintFindings } from "../fingerprint.js";
import type { Formatter } from "./types.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The key of our fingerprint in `partialFingerprints`; the suffix changes only if the fingerprint recipe does. */
const SARIF_FINGERPRINT_KEY = "postcheck/v1";

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
	error: "error",
	warning: "warning",
	info: "note",
};

/**
 * One SARIF log with one run: the rules that produced findings (with the guideline as help text) and a result per
 * finding. Columns count UTF-16 code units, as declared by `columnKind`.
 */
export const formatSarif: Formatter = (report, context) => {
	const rules = describeRules(report);
	const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
	const results = report.files.flatMap((file) => {
		const fingerprints = fingerprintFindings(file);
		const uri = toUri(file.file ?? file.path);
		return file.findings.map((finding, index) => ({
			ruleId: finding.ruleId,
			ruleIndex: ruleIndex.get(finding.ruleId),
			level: SARIF_LEVEL[finding.severity],
			message: { text: finding.message },
			locations: [
				{
					physicalLocation: {
						artifactLocation: { uri },
						region: {
							startLine: finding.line,
							startColumn: finding.column,
							endLine: finding.endLine,
							endColumn: finding.endColumn,
							charOffset: finding.offset,
							charLength: finding.length,
							snippet: { text: finding.match },
						},
					},
				},
			],
			partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprints[index] },
			properties: { score: finding.score },
		}));
	});
	const driver = {
		name: "postcheck",
		...(context.version ? { version: context.version, semanticVersion: context.version } : {}),
		rules,
	};
	const log = {
		$schema: SARIF_SCHEMA,
		version: "2.1.0",
		runs: [{ tool: { driver }, columnKind: "utf16CodeUnits", results }],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
};

/** A `reportingDescriptor` per rule that has findings, sorted by id, from the guideline each finding carries. */
function describeRules(report: JsonReport) {
	const firstFinding = new Map<string, JsonFinding>();
	for (const file of report.files) {
		for (const finding of file.findings)
			if (!firstFinding.has(finding.ruleId)) firstFinding.set(finding.ruleId, finding);
	}
	return [...firstFinding.values()]
		.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
		.map(({ ruleId, pack, severity, guideline, link }) => ({
			id: ruleId,
			name: pascalCase(ruleId),
			shortDescription: { text: firstSentence(guideline.text) },
			fullDescription: { text: guideline.text },
			help: { text: `${guideline.text} (Source: ${guideline.source}.)` },
			...(link ? { helpUri: link } : {}),
			defaultConfiguration: { level: SARIF_LEVEL[severity] },
			properties: { tags: ["postcheck", pack] },
		}));
}

/** The guideline's first clause, ending with a full stop, as the rule's title. */
function firstSentence(text: string): string {
	const clause = text.split(/(?<=[.!?;])\s/)[0]?.replace(/[.;!?]$/, "") ?? text;
	return `${clause}.`;
}

function pascalCase(ruleId: string): string {
	return ruleId
		.split(/[^\p{L}\p{N}]+/u)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join("");
}

/**
 * A path as a URI reference: relative paths stay relative (GitHub resolves them against the repository root),
 * absolute ones become `file:` URIs, and every segment is percent-encoded (so `<stdin>` becomes `%3Cstdin%3E`).
 */
function toUri(path: string): string {
	const segments = path.replaceAll("\\", "/").split("/").map(encodeURIComponent).join("/");
	if (/^[A-Za-z]:\//.test(path.replaceAll("\\", "/"))) return `file:///${segments.replace("%3A", ":")}`;
	return path.startsWith("/") ? `file://${segments}` : segments;
}
