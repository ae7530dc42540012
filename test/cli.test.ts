import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonReportSchema } from "../src/contracts/report.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";

const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];

function jsonReport(args: string[], input?: string) {
	const result = runCli([...WITH_EXAMPLE, "--format", "json", ...args], { input });
	return { result, report: JsonReportSchema.parse(JSON.parse(result.stdout)) };
}

describe("reading drafts", () => {
	it("reads standard input when no path is given and calls it <stdin>", () => {
		const { result, report } = jsonReport([], "We just signed Globex!");
		expect(result.status).toBe(1);
		expect(report.files[0]?.path).toBe("<stdin>");
		expect(report.files[0]?.findings.map((finding) => finding.ruleId)).toContain("confidential/nda-client");
	});

	it("reads files and folders, and - for standard input, in one run", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-"));
		writeFileSync(join(folder, "a.txt"), "Lovely walk on the beach today");
		writeFileSync(join(folder, "b.md"), "Project Coyote ships soon");
		writeFileSync(join(folder, "ignored.yaml"), "Project Coyote");
		const { report } = jsonReport([folder, "-"], "Hello world");
		expect(report.files.map((file) => file.path.replace(/.*\//, ""))).toEqual(["<stdin>", "a.txt", "b.md"]);
		expect(report.files[2]?.findings[0]?.ruleId).toBe("confidential/codename");
	});

	it("expands globs", () => {
		const { report } = jsonReport(["fixtures/example/*.txt"]);
		expect(report.files.map((file) => file.path)).toEqual(["fixtures/example/draft.txt"]);
	});
});

describe("exit codes", () => {
	it("is 0 for a clean draft", () => {
		const result = runCli(WITH_EXAMPLE, { input: "Had a lovely walk on the beach with the dog today." });
		expect(result.status).toBe(0);
		expect(result.stdout).toContain("No problems found");
	});

	it("is 1 for findings at or above --fail-on, 0 below it", () => {
		const draft = "Just out of the all-hands, big changes for our team. Don't tell anyone!";
		expect(runCli(WITH_EXAMPLE, { input: draft }).status).toBe(1);
		expect(runCli([...WITH_EXAMPLE, "--fail-on", "error"], { input: draft }).status).toBe(0);
		expect(runCli([...WITH_EXAMPLE, "--fail-on", "never"], { input: "We signed Globex" }).status).toBe(0);
	});

	it("is 2 with a one-line error for a bad flag, a missing file or a bad date", () => {
		for (const args of [["--format", "yaml"], ["no-such-draft.txt"], ["--date", "tomorrow"], ["--min-score", "2"]]) {
			const result = runCli([...WITH_EXAMPLE, ...args]);
			expect(result.status, args.join(" ")).toBe(2);
			expect(result.stderr.trim().split("\n")[0]).toMatch(/^postcheck: /);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
	});

	it("still checks the other files when one is missing", () => {
		const result = runCli([...WITH_EXAMPLE, "--format", "json", "missing.txt", "fixtures/example/draft.txt"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe("postcheck: missing.txt: no such file or folder\n");
		expect(JSON.parse(result.stdout).files[0].findings.length).toBeGreaterThan(0);
	});
});

describe("JSON output", () => {
	it("has the contract's shape and positions that slice the input to the match", () => {
		const input = "Line one 👩‍💻🎉\r\nWe signed Globex and I work at Acme.";
		const { report } = jsonReport([], input);
		const finding = report.files[0]?.findings.find((item) => item.ruleId === "confidential/nda-client");
		expect(finding).toMatchObject({ match: "Globex", line: 2, column: 11, endLine: 2, endColumn: 17 });
		expect(input.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0))).toBe("Globex");
		expect(report.summary).toEqual({ files: 1, findings: 1, errors: 1, warnings: 0, infos: 0 });
	});

	it("gives the same bytes for the same input", () => {
		const first = runCli([...WITH_EXAMPLE, "--format", "json", "fixtures/example/draft.txt"]);
		const second = runCli([...WITH_EXAMPLE, "--format", "json", "fixtures/example/draft.txt"]);
		expect(first.stdout).toBe(second.stdout);
	});

	it("drops findings below --min-score and keeps only errors with --quiet", () => {
		const all = jsonReport(["fixtures/example/draft.txt"]).report.files[0]?.findings ?? [];
		const high = jsonReport(["--min-score", "0.9", "fixtures/example/draft.txt"]).report.files[0]?.findings ?? [];
		const quiet = jsonReport(["--quiet", "fixtures/example/draft.txt"]).report.files[0]?.findings ?? [];
		expect(high.length).toBeLessThan(all.length);
		expect(high.every((finding) => finding.score >= 0.9)).toBe(true);
		expect(quiet.length).toBeGreaterThan(0);
		expect(quiet.every((finding) => finding.severity === "error")).toBe(true);
	});
});

describe("pretty output", () => {
	it("shows the line, an underline under the match, the guideline and the summary", () => {
		const result = runCli(WITH_EXAMPLE, { input: "Thrilled: we signed Globex 🎉 (I work at Acme)" });
		const lines = result.stdout.split("\n");
		const quoted = lines.findIndex((line) => line.endsWith("Thrilled: we signed Globex 🎉 (I work at Acme)"));
		expect(lines[quoted + 1]?.indexOf("^^^^^^")).toBe(lines[quoted]?.indexOf("Globex"));
		expect(result.stdout).toContain("(IBM Social Computing Guidelines)");
		expect(result.stdout).toMatch(/1 problem \(1 error, 0 warnings\) in 1 draft\./);
		expect(result.stdout).not.toContain("\u001b[");
	});

	it("uses colour only when asked", () => {
		const forced = runCli(WITH_EXAMPLE, { input: "We signed Globex", env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
		expect(forced.stdout).toContain("\u001b[");
		const off = runCli([...WITH_EXAMPLE, "--no-color"], {
			input: "We signed Globex",
			env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
		});
		expect(off.stdout).not.toContain("\u001b[");
	});
});

describe("config and pack errors", () => {
	it("name the file, line and column of an unknown key, with a suggestion", () => {
		const result = runCli([...WITH_EXAMPLE, "--pack", "fixtures/errors/bad-key.yaml"], { input: "x" });
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(
			'postcheck: fixtures/errors/bad-key.yaml:5:5: rules[0]: unknown key "severty" (did you mean "severity"?)\n',
		);
	});

	it("name the place of a wrong value in the config", () => {
		const result = runCli(["--config", "fixtures/errors/bad-config.yaml"], { input: "x" });
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(
			/^postcheck: fixtures\/errors\/bad-config\.yaml:5:15: products\[0\]\.announce: expected a date as YYYY-MM-DD\n$/,
		);
	});

	it("reject an override for a rule no pack defines", () => {
		const result = runCli(["--config", "fixtures/errors/unknown-rule.yaml"], { input: "x" });
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(
			/^postcheck: fixtures\/errors\/unknown-rule\.yaml:5:3: rules: unknown rule "tone\/insults"/,
		);
	});

	it("find postcheck.yaml in the folder or a parent when no --config is given", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-"));
		writeFileSync(join(folder, "postcheck.yaml"), "confidential:\n  clients: [Initech]\n");
		const nested = join(folder, "drafts");
		mkdirSync(nested);
		const result = runCli(["--format", "json", "-"], { input: "We signed Initech today", cwd: nested });
		const ruleIds = JSON.parse(result.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
		expect(ruleIds).toContain("confidential/nda-client");
	});
});

describe("languages", () => {
	it("detects Dutch, quotes the Dutch guideline and writes messages in the --locale language", () => {
		const draft = "Twee doden in Meppel, vast huiselijk geweld.";
		const english = jsonReport([], draft).report.files[0];
		expect(english?.language).toBe("nl");
		expect(english?.findings[0]?.message).toMatch(/^Don't guess/);
		expect(english?.findings[0]?.guideline.text).toMatch(/^Speculeer niet/);
		const dutch = jsonReport(["--locale", "nl"], draft).report.files[0];
		expect(dutch?.findings[0]?.message).toMatch(/^Speculeer niet over "doden"/);
	});

	it("leaves the Dutch police's own call for calm alone", () => {
		const { report } = jsonReport([], "De politie onderzoekt de toedracht en vraagt niet te speculeren.");
		expect(report.files[0]?.findings).toEqual([]);
	});

	it("uses --lang over detection", () => {
		expect(jsonReport(["--lang", "en"], "Twee doden in Meppel, vast huiselijk geweld.").report.files[0]?.language).toBe(
			"en",
		);
	});
});
