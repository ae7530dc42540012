import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATTERS } from "../src/report/formatters/index.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";
import { FIXED_REPORT, FIXED_TEXTS } from "./helpers/fixed-report.js";
import { folderWith } from "./helpers/folder.js";

/** The validator binary the npm package ships (the package's main export is its path). */
const MULTITOOL: string = createRequire(import.meta.url)("@microsoft/sarif-multitool-linux");

interface ValidationResult {
	ruleId: string;
	level?: string;
	message: { text: string };
	locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

/**
 * Runs `Sarif.Multitool validate` with the SARIF rules and GitHub's ingestion rules (Ghas) at every level, and
 * returns its findings. Its exit code is 0 even when it finds errors, so the test reads its own SARIF output.
 */
function validate(sarif: string): ValidationResult[] {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-sarif-"));
	const input = join(folder, "postcheck.sarif");
	const output = join(folder, "validation.sarif");
	writeFileSync(input, sarif);
	const run = spawnSync(
		MULTITOOL,
		["validate", input, "--output", output, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note", "--quiet"],
		{ encoding: "utf8", env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } },
	);
	expect(run.error, `${MULTITOOL} did not start`).toBeUndefined();
	expect(run.status, run.stdout + run.stderr).toBe(0);
	const [validation] = JSON.parse(readFileSync(output, "utf8")).runs;
	const notifications = [
		...(validation.invocations?.[0]?.toolExecutionNotifications ?? []),
		...(validation.invocations?.[0]?.toolConfigurationNotifications ?? []),
	];
	expect(notifications).toEqual([]);
	return validation.results;
}

/** Errors and warnings, as `ruleId: message`, leaving out the notes (suggestions such as "add a help URI"). */
function problems(results: ValidationResult[]): string[] {
	return results
		.filter((result) => result.level !== "note")
		.map((result) => `${result.level ?? "warning"} ${result.ruleId}: ${result.message.text}`);
}

describe("--format sarif with Microsoft's SARIF validator (@microsoft/sarif-multitool-linux)", () => {
	it("reports no error on the example draft's SARIF", () => {
		const result = runCli([
			"--config",
			EXAMPLE_CONFIG,
			"--date",
			EXAMPLE_DATE,
			"--format",
			"sarif",
			"fixtures/example/draft.txt",
		]);
		expect(result.status).toBe(1);
		const results = validate(result.stdout);
		// The validator did read the file: it comments on each of our results (a note that asks for context).
		const produced = JSON.parse(result.stdout).runs[0].results.length;
		expect(produced).toBeGreaterThan(2);
		expect(results.filter((entry) => entry.ruleId === "SARIF2011")).toHaveLength(produced);
		expect(problems(results).filter((problem) => problem.startsWith("error"))).toEqual([]);
		// The one warning left: no informationUri, since postcheck has no public home page to point to yet.
		expect(problems(results).map((problem) => problem.split(":")[0])).toEqual(["warning SARIF2005"]);
	});

	it("reports no error on the fixed report (escaped uris, a span across lines, a note-level finding)", () => {
		const sarif = FORMATTERS.sarif(FIXED_REPORT, { color: false, texts: FIXED_TEXTS, version: "1.2.3" });
		expect(problems(validate(sarif)).filter((problem) => problem.startsWith("error"))).toEqual([]);
	});

	it("marks silenced findings with suppressions: a directive in the source, an allow: entry external", () => {
		const folder = folderWith({
			"postcheck.yaml": [
				"organization: { name: Acme }",
				"allow:",
				"  - { term: idiots, rule: tone/insult, reason: Quoting the customer's own words }",
			].join("\n"),
			"draft.txt": "postcheck-ignore: tone\n@contoso you are all morons\n@globex you are all idiots\n",
		});
		const result = runCli(["--format", "sarif", "draft.txt"], { cwd: folder });
		const [run] = JSON.parse(result.stdout).runs;
		const silenced = run.results.filter((entry: { suppressions?: unknown }) => entry.suppressions);
		expect(
			silenced.map((entry: { ruleId: string; suppressions: unknown }) => [entry.ruleId, entry.suppressions]),
		).toEqual([
			["tone/insult", [{ kind: "inSource", justification: "postcheck-ignore: tone" }]],
			["tone/insult", [{ kind: "external", justification: "Quoting the customer's own words" }]],
		]);
		expect(problems(validate(result.stdout)).filter((problem) => problem.startsWith("error"))).toEqual([]);
	});

	it("catches a broken log, so a pass means something", () => {
		const log = JSON.parse(FORMATTERS.sarif(FIXED_REPORT, { color: false, texts: FIXED_TEXTS }));
		log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
		expect(problems(validate(JSON.stringify(log)))).toContainEqual(expect.stringMatching(/^error JSON1008:/));
	});
});
