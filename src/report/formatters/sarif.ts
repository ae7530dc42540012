/**
 * SARIF 2.1.0, as GitHub code scanning reads it.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * GitHub's subset: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import type { Severity } from "../../contracts/config.js";
import type { JsonFinding, JsonSuppressed } from "../../contracts/report.js";
import { fingerprintFindings } from "../fingerprint.js";
import { nestedJson } from "./nested-json.js";
import type { StreamingFormatter } from "./types.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The key of our fingerprint in `partialFingerprints`; the suffix changes only if the fingerprint recipe does. */
const SARIF_FINGERPRINT_KEY = "postcheck/v1";

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
	error: "error",
	warning: "warning",
	info: "note",
};

/**
 * One SARIF log with one run: a result per finding, then the tool with the rules that produced findings (with the
 * guideline as help text). The rules are known only at the end, so `tool` follows `results` in the run (SARIF
 * readers do not depend on key order), and `ruleIndex` numbers the rules in the order they first appear. Columns
 * count UTF-16 code units, as declared by `columnKind`.
 */
export const streamSarif: StreamingFormatter = (context) => {
	const rules = new Map<string, { index: number; finding: JsonFinding }>();
	let results = 0;
	const ruleIndexOf = (finding: JsonFinding) => {
		let rule = rules.get(finding.ruleId);
		if (!rule) {
			rule = { index: rules.size, finding };
			rules.set(finding.ruleId, rule);
		}
		return rule.index;
	};
	return {
		head: () =>
			`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "results": [`,
		file: (file) => {
			const uri = toUri(file.file ?? file.path);
			const suppressed = file.suppressed ?? [];
			const fingerprints = [...fingerprintFindings(file), ...fingerprintFindings({ ...file, findings: suppressed })];
			return [...file.findings, ...suppressed]
				.map((finding, index) => {
					const result = describeResult(finding, ruleIndexOf(finding), uri, fingerprints[index] as string);
					return `${results++ === 0 ? "\n" : ",\n"}        ${nestedJson(result, 4)}`;
				})
				.join("");
		},
		tail: () => {
			const driver = {
				name: "postcheck",
				...(context.version ? { version: context.version, semanticVersion: context.version } : {}),
				rules: [...rules.values()].map(({ finding }) => describeRule(finding)),
			};
			return `${results === 0 ? "" : "\n      "}],\n      "tool": ${nestedJson({ driver }, 3)}\n    }\n  ]\n}\n`;
		},
	};
};

/** How SARIF says a finding was silenced: a directive in the draft is in the source, `allow:` in the config is not. */
const SARIF_SUPPRESSION_KIND: Record<JsonSuppressed["suppression"]["kind"], "inSource" | "external"> = {
	comment: "inSource",
	allow: "external",
};

/** A finding's `result`; a silenced one carries its suppression, so code scanning shows it closed, not open. */
function describeResult(finding: JsonFinding | JsonSuppressed, ruleIndex: number, uri: string, fingerprint: string) {
	const suppressions =
		"suppression" in finding
			? [{ kind: SARIF_SUPPRESSION_KIND[finding.suppression.kind], justification: finding.suppression.reason }]
			: undefined;
	return {
		ruleId: finding.ruleId,
		ruleIndex,
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
		partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint },
		...(suppressions ? { suppressions } : {}),
		properties: { score: finding.score },
	};
}

/** A rule's `reportingDescriptor`, from the guideline its first finding carries. */
function describeRule({ ruleId, pack, severity, guideline, link }: JsonFinding) {
	return {
		id: ruleId,
		name: pascalCase(ruleId),
		shortDescription: { text: firstSentence(guideline.text) },
		fullDescription: { text: guideline.text },
		help: { text: `${guideline.text} (Source: ${guideline.source}.)` },
		...(link ? { helpUri: link } : {}),
		defaultConfiguration: { level: SARIF_LEVEL[severity] },
		properties: { tags: ["postcheck", pack] },
	};
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
