import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { readVersion } from "../src/cli/version.js";
import { type JsonFinding, type JsonReport, JsonReportSchema } from "../src/contracts/report.js";
import { FORMATTERS, STREAMING_FORMATTERS, type StreamingFormatName } from "../src/report/formatters/index.js";
import { assembleReport } from "../src/report/report.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT, runCli } from "./helpers/cli.js";
import { FIXED_REPORT, FIXED_TEXTS } from "./helpers/fixed-report.js";
import { folderWith } from "./helpers/folder.js";

const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];
const DRAFT = "fixtures/example/draft.txt";
const CLEAN_DRAFT = "Had a lovely walk on the beach with the dog today.";

const FORMATS = ["pretty", "sarif", "github", "junit", "checkstyle", "html"] as const;

/** The example draft and a clean draft on standard input, through the built CLI in the given format. */
function runFormat(format: string): string {
	const result = runCli([...WITH_EXAMPLE, "--format", format, DRAFT, "-"], { input: CLEAN_DRAFT });
	expect(result.stderr).toBe("");
	expect(result.status).toBe(1);
	return result.stdout;
}

/** Each format's output, run once; the JSON report is the reference the others are checked against. */
const outputs = new Map<string, string>();
const output = (format: string) => outputs.get(format) as string;
let findings: JsonFinding[];
beforeAll(() => {
	for (const format of ["json", ...FORMATS]) outputs.set(format, runFormat(format));
	const reference: JsonReport = JsonReportSchema.parse(JSON.parse(output("json")));
	findings = reference.files.find((file) => file.path === DRAFT)?.findings ?? [];
	expect(findings.length).toBeGreaterThan(2);
	expect(reference.files.map((file) => file.path)).toEqual(["<stdin>", DRAFT]);
});

const xml = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: "",
	htmlEntities: true,
	parseAttributeValue: false,
	isArray: (name) => ["testsuite", "testcase", "file", "error"].includes(name),
});

function parseXml(text: string) {
	expect(XMLValidator.validate(text)).toBe(true);
	return xml.parse(text);
}

const SARIF_SCHEMA = createRequire(import.meta.url)("@microsoft/sarif-multitool-linux/sarif-2.1.0.json");

describe("--format json, written a draft at a time", () => {
	it.each([0, 1, 2, FIXED_REPORT.files.length])("gives the report as one indented object, with %i files", (count) => {
		const report = assembleReport(FIXED_REPORT.files.slice(0, count));
		const parts = STREAMING_FORMATTERS.json({ color: false });
		const chunks = [parts.head(), ...report.files.map((file) => parts.file(file, {})), parts.tail(report.summary)];
		expect(chunks.join("")).toBe(`${JSON.stringify(report, null, 2)}\n`);
		expect(FORMATTERS.json(report, { color: false, texts: new Map() })).toBe(chunks.join(""));
	});

	it("from a batch run: the same report and exit code as from a single draft", () => {
		const draft = "We signed Globex. The Q3 forecast is 4% growth.";
		const lines = ["a", "b", "c"].map((id) => JSON.stringify({ id, text: draft })).join("\n");
		const run = (input: string, name: string) =>
			runCli(["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE, "--format", "json", "--stdin-filename", name], {
				input,
			});
		const batch = run(lines, "drafts.jsonl");
		const single = run(draft, "draft.txt");
		expect(batch.status).toBe(1);
		expect(single.status).toBe(1);
		const report = JsonReportSchema.parse(JSON.parse(batch.stdout));
		const findings = JsonReportSchema.parse(JSON.parse(single.stdout)).files[0]?.findings ?? [];
		expect(report.files.map((file) => file.findings.map((finding) => finding.ruleId))).toEqual(
			Array(3).fill(findings.map((finding) => finding.ruleId)),
		);
		expect(report.summary.findings).toBe(3 * findings.length);
	});
});

describe("--format sarif", () => {
	it("gives a SARIF 2.1.0 log with a result per finding, at the JSON report's positions", () => {
		const log = JSON.parse(output("sarif"));
		expect(log.version).toBe("2.1.0");
		const [run] = log.runs;
		expect(run.columnKind).toBe("utf16CodeUnits");
		expect(run.tool.driver.name).toBe("postcheck");
		expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(run.results).toHaveLength(findings.length);
		for (const [index, result] of run.results.entries()) {
			const finding = findings[index] as JsonFinding;
			expect(result.ruleId).toBe(finding.ruleId);
			expect(run.tool.driver.rules[result.ruleIndex].id).toBe(finding.ruleId);
			expect(result.level).toBe({ error: "error", warning: "warning", info: "note" }[finding.severity]);
			expect(result.message.text).toBe(finding.message);
			const { artifactLocation, region } = result.locations[0].physicalLocation;
			expect(artifactLocation.uri).toBe(DRAFT);
			expect(region).toEqual({
				startLine: finding.line,
				startColumn: finding.column,
				endLine: finding.endLine,
				endColumn: finding.endColumn,
				charOffset: finding.offset,
				charLength: finding.length,
				snippet: { text: finding.match },
			});
		}
		expect(new Set(run.results.map((result: { level: string }) => result.level))).toEqual(
			new Set(["error", "warning"]),
		);
	});

	it("describes each rule that fired with its guideline, source and default level, in order of first finding", () => {
		const [run] = JSON.parse(output("sarif")).runs;
		const rules = run.tool.driver.rules;
		expect(rules.map((rule: { id: string }) => rule.id)).toEqual([...new Set(findings.map((f) => f.ruleId))]);
		expect(run.results.map((result: { ruleIndex: number }) => result.ruleIndex)).toEqual(
			findings.map((finding) => rules.findIndex((rule: { id: string }) => rule.id === finding.ruleId)),
		);
		for (const finding of findings) {
			const rule = rules.find((candidate: { id: string }) => candidate.id === finding.ruleId);
			expect(rule.fullDescription.text).toBe(finding.guideline.text);
			expect(rule.help.text).toContain(finding.guideline.text);
			expect(rule.help.text).toContain(finding.guideline.source);
			expect(rule.shortDescription.text).toMatch(/\.$/);
			expect(rule.defaultConfiguration.level).toBe(finding.severity === "info" ? "note" : finding.severity);
		}
	});

	it.each([
		["no drafts", []],
		["a clean draft", FIXED_REPORT.files.slice(1, 2)],
		["every draft", FIXED_REPORT.files],
	])("is laid out as two-space indented JSON, results before tool, with %s", (_, files) => {
		const sarif = FORMATTERS.sarif(assembleReport(files), context());
		const log = JSON.parse(sarif);
		expect(sarif).toBe(`${JSON.stringify(log, null, 2)}\n`);
		expect(Object.keys(log.runs[0])).toEqual(["columnKind", "results", "tool"]);
		expect(log.runs[0].results).toHaveLength(assembleReport(files).summary.findings);
	});

	it("keeps each finding's fingerprint when the draft is edited elsewhere, and gives every finding its own", () => {
		const draft = "Had a lovely weekend.\nWe signed Globex! And we signed Globex again.";
		const edited = `Quick update first.\n\n${draft} Nice.`;
		const fingerprints = (input: string) =>
			JSON.parse(runCli([...WITH_EXAMPLE, "--format", "sarif", "-"], { input }).stdout).runs[0].results.map(
				(result: { ruleId: string; partialFingerprints: Record<string, string> }) =>
					`${result.ruleId} ${result.partialFingerprints["postcheck/v1"]}`,
			);
		const before = fingerprints(draft);
		expect(before.filter((entry: string) => entry.startsWith("confidential/nda-client"))).toHaveLength(2);
		expect(new Set(before).size).toBe(before.length);
		expect(fingerprints(edited)).toEqual(before);
	});

	it("passes the SARIF 2.1.0 JSON schema shipped with Microsoft's validator, uris and all", () => {
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		addFormats(ajv);
		const validate = ajv.compile(SARIF_SCHEMA);
		for (const log of [JSON.parse(output("sarif")), JSON.parse(FORMATTERS.sarif(FIXED_REPORT, context()))]) {
			validate(log);
			expect(validate.errors ?? []).toEqual([]);
		}
	});
});

describe("--format github", () => {
	const COMMAND = /^::(error|warning|notice) ([^:]*)::(.*)$/;
	const decodeCommand = (text: string) => decodeURIComponent(text);

	it("prints one workflow command per finding with file, line, columns and title, data escaped", () => {
		const lines = output("github").trimEnd().split("\n");
		expect(lines).toHaveLength(findings.length);
		for (const [index, line] of lines.entries()) {
			const finding = findings[index] as JsonFinding;
			const [, command, properties = "", data = ""] = line.match(COMMAND) ?? [];
			expect(command).toBe({ error: "error", warning: "warning", info: "notice" }[finding.severity]);
			const fields = Object.fromEntries(
				properties.split(",").map((pair) => pair.split("=").map(decodeCommand) as [string, string]),
			);
			expect(fields).toEqual({
				file: DRAFT,
				line: String(finding.line),
				col: String(finding.column),
				endLine: String(finding.endLine),
				endColumn: String(finding.endColumn),
				title: `postcheck ${finding.ruleId}`,
			});
			const message = decodeCommand(data).split("\n");
			expect(message[0]).toBe(finding.message);
			expect(message[1]).toBe(`${finding.guideline.text} (${finding.guideline.source})`);
		}
	});

	it("prints nothing for clean drafts", () => {
		const result = runCli([...WITH_EXAMPLE, "--format", "github", "-"], { input: CLEAN_DRAFT });
		expect(result.status).toBe(0);
		expect(result.stdout).toBe("");
	});

	it("escapes %, CR and LF in the message, and also : and , in properties; no columns across lines", () => {
		const lines = FORMATTERS.github(FIXED_REPORT, context()).trimEnd().split("\n");
		expect(lines[4]).toBe(
			"::error file=posts/odd%2C name%3A 100%25.txt,line=1,endLine=2,title=postcheck confidential/marker::" +
				"Percent 100%25, colon: comma, CR%0DLF%0Aand a bell\u0007.%0AA guideline; with a second clause. (A source)",
		);
		expect(lines[3]).toMatch(/^::warning file=posts\/launch & <news>.txt,line=3,endLine=4,title=/);
		expect(lines).toHaveLength(FIXED_REPORT.summary.findings);
	});
});

describe("--format junit", () => {
	it("gives a testsuite per draft and a failed testcase per finding, with message and location", () => {
		const { testsuites } = parseXml(output("junit"));
		// No totals on the root: they are known only after the last draft's suite is written.
		expect(testsuites.tests).toBeUndefined();
		expect(testsuites.failures).toBeUndefined();
		const [clean, draft] = testsuites.testsuite;
		expect(clean.name).toBe("<stdin>");
		expect(clean.failures).toBe("0");
		expect(clean.testcase).toHaveLength(1);
		expect(clean.testcase[0].failure).toBeUndefined();
		expect(draft.name).toBe(DRAFT);
		expect(draft.tests).toBe(String(findings.length));
		expect(draft.failures).toBe(String(findings.length));
		for (const [index, testcase] of draft.testcase.entries()) {
			const finding = findings[index] as JsonFinding;
			expect(testcase.classname).toBe(DRAFT);
			expect(testcase.name).toBe(`${finding.ruleId} at ${finding.line}:${finding.column}`);
			expect(testcase.failure.message).toBe(finding.message);
			expect(testcase.failure.type).toBe(finding.severity);
			const details = testcase.failure["#text"];
			expect(details).toContain(`${DRAFT}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`);
			expect(details).toContain(finding.guideline.text);
		}
	});

	it("escapes markup, keeps line breaks, and replaces characters XML cannot carry", () => {
		const { testsuites } = parseXml(FORMATTERS.junit(FIXED_REPORT, context()));
		expect(testsuites.testsuite.map((suite: { name: string }) => suite.name)).toEqual([
			"posts/launch & <news>.txt",
			"posts/clean.txt",
			"posts/odd, name: 100%.txt",
		]);
		expect(testsuites.testsuite[0].testcase[2].failure.message).toBe('Don\'t guess about "<b>outage</b>" & co.');
		expect(testsuites.testsuite[2].testcase[0].failure.message).toBe(
			"Percent 100%, colon: comma, CR\rLF\nand a bell\uFFFD.",
		);
	});
});

describe("--format checkstyle", () => {
	it("gives a file element per draft and an error element per finding, as ESLint does", () => {
		const { checkstyle } = parseXml(output("checkstyle"));
		expect(checkstyle.version).toBe("4.3");
		expect(checkstyle.file.map((file: { name: string }) => file.name)).toEqual(["<stdin>", DRAFT]);
		expect(checkstyle.file[0].error).toBeUndefined();
		expect(checkstyle.file[1].error).toEqual(
			findings.map((finding) => ({
				line: String(finding.line),
				column: String(finding.column),
				severity: finding.severity,
				message: `${finding.message} (${finding.ruleId})`,
				source: `postcheck.rules.${finding.ruleId}`,
			})),
		);
	});

	it("escapes attributes so that they parse back to the same text", () => {
		const { checkstyle } = parseXml(FORMATTERS.checkstyle(FIXED_REPORT, context()));
		expect(checkstyle.file[0].name).toBe("posts/launch & <news>.txt");
		expect(checkstyle.file[0].error[2]).toMatchObject({
			severity: "info",
			message: 'Don\'t guess about "<b>outage</b>" & co. (incident-speculation/speculation)',
		});
	});
});

describe("every format", () => {
	it("gives the same bytes for the same input", () => {
		for (const format of ["sarif", "html"]) expect(runFormat(format)).toBe(output(format));
	});

	it.each(FORMATS)("matches the snapshot of the fixed report: %s", async (format) => {
		const extension = { pretty: "txt", sarif: "sarif", github: "txt", junit: "xml", checkstyle: "xml", html: "html" }[
			format
		];
		await expect(FORMATTERS[format](FIXED_REPORT, context())).toMatchFileSnapshot(
			`__snapshots__/fixed-report.${format}.${extension}`,
		);
	});
});

describe("every format but html, written a draft at a time", () => {
	/** Drafts from a JSON Lines file (CRLF, an emoji, a draft over two lines, clean ones), a Markdown file and texts. */
	const folder = folderWith({
		"posts/scheduled.jsonl": [
			...Array.from({ length: 12 }, (_, index) =>
				JSON.stringify({
					id: `s${index}`,
					text: index % 3 ? `A walk on the beach, day ${index}` : `We signed Globex ${index} 🎉`,
				}),
			),
			JSON.stringify({ id: "two-lines", text: "Line one\nRoadrunner 3 is looking amazing" }),
		].join("\r\n"),
		"posts/launch.md": "---\ndate: 2026-12-01\n---\nProject Coyote ships soon, and Roadrunner 3 too\n",
		"posts/clean.txt": CLEAN_DRAFT,
		"posts/draft.txt": readFileSync(join(ROOT, DRAFT), "utf8"),
	});
	const run = (args: string[]) => {
		const result = runCli([...WITH_EXAMPLE, ...args, "posts"], { cwd: folder });
		expect(result.stderr).toBe("");
		expect(result.status).toBe(1);
		return result.stdout;
	};
	/** The JSON report of the drafts, and their texts by path as files on disk hold them. */
	let report: JsonReport;
	let texts: Map<string, string>;
	beforeAll(() => {
		report = JsonReportSchema.parse(JSON.parse(run(["--format", "json"])));
		expect(report.summary.files).toBe(16);
		texts = new Map(
			report.files.map((file) => [file.path, readFileSync(join(folder, file.file ?? file.path), "utf8")]),
		);
	});

	it.each(Object.keys(STREAMING_FORMATTERS) as StreamingFormatName[])(
		"%s: the same bytes to standard output, to --output FILE and from the whole report, whatever the workers",
		(format) => {
			const written = run(["--format", format, "--concurrency", "1"]);
			expect(written).toContain("posts/scheduled.jsonl");
			const target = join(folderWith(), "reports", `postcheck.${format}`);
			expect(run(["--format", format, "--concurrency", "2", "--output", target])).toBe("");
			expect(readFileSync(target, "utf8")).toBe(written);
			expect(FORMATTERS[format](report, { color: false, texts, version: readVersion() })).toBe(written);
		},
	);
});

function context() {
	return { color: false, texts: FIXED_TEXTS, version: "1.2.3" };
}
