import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonReportSchema } from "../src/contracts/report.js";
import { findDirectives, maskDirectives } from "../src/findings/suppressions.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

function check(input: string, args: string[] = ["--config", EXAMPLE_CONFIG], cwd?: string) {
	const result = runCli([...args, "--date", EXAMPLE_DATE, "--format", "json", "-"], { input, cwd });
	const file = JsonReportSchema.parse(JSON.parse(result.stdout)).files[0];
	if (!file) throw new Error(`no report: ${result.stderr}`);
	return { result, file, reported: file.findings.map((finding) => `${finding.line}:${finding.ruleId}`) };
}

describe("suppression directives", () => {
	it("finds both syntaxes with their rule lists and blanks them out without moving offsets", () => {
		const text = "postcheck-ignore: tone/insult, tone/profanity\nYou idiot\n<!-- postcheck-disable confidential -->\nx";
		const directives = findDirectives(text);
		expect(directives.map((directive) => [directive.kind, directive.rules])).toEqual([
			["next-line", ["tone/insult", "tone/profanity"]],
			["disable", ["confidential"]],
		]);
		for (const directive of directives)
			expect(text.slice(directive.span.start, directive.span.end)).toBe(directive.text);
		const masked = maskDirectives(text, directives);
		expect(masked).toHaveLength(text.length);
		expect(masked.split("\n").map((line) => line.trim())).toEqual(["", "You idiot", "", "x"]);
	});

	it("postcheck-ignore silences the named rule on the next line only, and is never checked itself", () => {
		const draft = "postcheck-ignore: tone/insult\nYou are an idiot @bob\nYou are a moron @bob";
		const { file, reported } = check(draft);
		expect(reported).toEqual(["3:tone/insult"]);
		expect(
			file.suppressed?.map((finding) => [finding.line, finding.ruleId, finding.match, finding.suppression]),
		).toEqual([[2, "tone/insult", "idiot", { kind: "comment", reason: "postcheck-ignore: tone/insult" }]]);
	});

	it("a Markdown disable-next-line covers a pack; a directive naming only other rules silences nothing", () => {
		const draft =
			"<!-- postcheck-disable-next-line tone -->\nYou are an idiot @bob\n<!-- postcheck-disable-next-line confidential -->\nYou are a moron @bob\n";
		const { reported } = check(draft);
		expect(reported).toEqual(["3:postcheck/unused-suppression", "4:tone/insult"]);
	});

	it("disable ... enable silences a region; disable without enable runs to the end", () => {
		const draft = [
			"You are an idiot @bob",
			"<!-- postcheck-disable tone/insult -->",
			"You are a moron @bob",
			"You are a clown @bob",
			"<!-- postcheck-enable tone/insult -->",
			"You are a muppet @bob",
			"<!-- postcheck-disable -->",
			"Project Coyote ships soon, you idiot @bob",
		].join("\n");
		const { result, file, reported } = check(draft);
		expect(reported).toEqual(["1:tone/insult", "6:tone/insult"]);
		expect(file.suppressed?.map((finding) => `${finding.line}:${finding.ruleId}`)).toEqual([
			"3:tone/insult",
			"4:tone/insult",
			"8:confidential/codename",
			"8:tone/insult",
		]);
		expect(result.status).toBe(1);
	});

	it("reports an unused suppression and an enable that closes nothing as info, which alone exits 0", () => {
		const draft = "postcheck-ignore: tone/insult\nLovely walk on the beach today\n<!-- postcheck-enable tone -->";
		const { result, file } = check(draft);
		expect(file.findings.map((finding) => [finding.ruleId, finding.severity, finding.line, finding.message])).toEqual([
			["postcheck/unused-suppression", "info", 1, "This suppression of tone/insult silenced no finding: remove it."],
			["postcheck/unused-suppression", "info", 3, "This suppression re-enables nothing that was disabled: remove it."],
		]);
		expect(file.findings[0]?.match).toBe("postcheck-ignore: tone/insult");
		expect(file.findings.map((finding) => finding.reasons)).toEqual([
			["no finding of tone/insult on the next line"],
			["no disable before it that this enable closes"],
		]);
		expect(result.status).toBe(0);
	});
});

describe("allow: entries in the config", () => {
	const folder = folderWith();
	writeFileSync(
		join(folder, "postcheck.yaml"),
		[
			"organization: { name: Acme }",
			"allow:",
			'  - { term: moron, rule: tone/insult, reason: "Moron is our mascot\'s name.", paths: ["posts/**"] }',
			'  - { term: idiots, rule: tone, reason: "Quoting the band The Idiots." }',
		].join("\n"),
	);
	mkdirSync(join(folder, "posts"));
	writeFileSync(join(folder, "posts", "a.txt"), "You are a moron @bob. You are all idiots @team");
	writeFileSync(join(folder, "other.txt"), "You are a moron @bob. You are all idiots @team");

	it("silence a term for a rule or pack, in the paths given, with the reason in JSON", () => {
		const result = runCli(["--format", "json", "posts/a.txt", "other.txt"], { cwd: folder });
		const report = JsonReportSchema.parse(JSON.parse(result.stdout));
		const [post, other] = report.files;
		expect(post?.findings).toEqual([]);
		expect(post?.suppressed?.map((finding) => [finding.match, finding.suppression])).toEqual([
			["moron", { kind: "allow", reason: "Moron is our mascot's name." }],
			["idiots", { kind: "allow", reason: "Quoting the band The Idiots." }],
		]);
		expect(other?.findings.map((finding) => finding.match)).toEqual(["moron"]);
	});

	it("need a reason, and a rule or pack that exists", () => {
		const bad = folderWith();
		writeFileSync(join(bad, "postcheck.yaml"), "allow:\n  - { term: moron, rule: tone/insult }\n");
		const missing = runCli(["-"], { cwd: bad, input: "hi" });
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/^postcheck: postcheck\.yaml:2:\d+: allow\[0\]\.reason: /);
		writeFileSync(join(bad, "postcheck.yaml"), "allow:\n  - term: moron\n    rule: tone/insullt\n    reason: x\n");
		const unknown = runCli(["-"], { cwd: bad, input: "hi" });
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toBe(
			'postcheck: postcheck.yaml:3:5: allow[0].rule: unknown rule or pack "tone/insullt" (see postcheck packs list)\n',
		);
	});
});
