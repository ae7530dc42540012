import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/contracts/report.js";
import { applyEdits, planFixes } from "../src/fix/plan.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

function finding(ruleId: string, start: number, end: number, suggestion?: string, severity = "warning"): Finding {
	return {
		ruleId,
		pack: ruleId.split("/")[0] ?? "",
		severity: severity as Finding["severity"],
		score: 1,
		reasons: [],
		message: "",
		guideline: { text: "", source: "" },
		...(suggestion ? { suggestion } : {}),
		match: "",
		span: { start, end },
	};
}

const FIXES: Record<string, "append" | "replace"> = { "a/append": "append", "a/replace": "replace" };
const fixOf = (ruleId: string) => FIXES[ruleId];

describe("planning and applying fixes", () => {
	it("replaces matches and appends a line at the end, applying from the end", () => {
		const text = "Ship Falcon and Falcon now\n\n";
		const plan = planFixes(
			text,
			[
				finding("a/replace", 5, 11, "the new app"),
				finding("a/replace", 16, 22, "the new app"),
				finding("a/append", 0, 4, "I work at Acme."),
			],
			fixOf,
		);
		expect(plan.skipped).toEqual([]);
		expect(applyEdits(text, plan.edits)).toBe("Ship the new app and the new app now\n\nI work at Acme.\n");
	});

	it("skips an edit that overlaps an earlier one, and a second append", () => {
		const first = finding("a/replace", 0, 6, "X");
		const overlapping = finding("a/replace", 3, 9, "Y");
		const append = finding("a/append", 0, 1, "A");
		const secondAppend = finding("a/append", 2, 3, "B");
		const plan = planFixes("abcdefghij", [first, overlapping, append, secondAppend], fixOf);
		expect(plan.skipped).toEqual([overlapping, secondAppend]);
		expect(applyEdits("abcdefghij", plan.edits)).toBe("Xghij\nA");
	});

	it("plans nothing while an error has no fix, and ignores rules without a fix or a suggestion", () => {
		const blocker = finding("b/leak", 0, 2, undefined, "error");
		const plan = planFixes("abc", [finding("a/append", 0, 1, "A"), blocker], fixOf);
		expect(plan).toEqual({ edits: [], skipped: [], blockers: [blocker] });
		expect(planFixes("abc", [finding("b/none", 0, 1, "A"), finding("a/replace", 0, 1)], fixOf).edits).toEqual([]);
	});
});

describe("--fix and --fix-dry-run", () => {
	const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];
	const folder = () => folderWith();

	it("--fix-dry-run prints a diff with the disclaimer in the draft's language and changes nothing", () => {
		const dir = folder();
		writeFileSync(join(dir, "nl.txt"), "Onze nieuwe app van Acme is echt geweldig, trots op het team\n");
		const result = runCli([...WITH_EXAMPLE, "--fix-dry-run", "nl.txt"], { cwd: dir });
		expect(result.stdout).toBe(
			"--- nl.txt\n+++ nl.txt\n@@ -1,1 +1,2 @@\n Onze nieuwe app van Acme is echt geweldig, trots op het team\n+Ik werk bij Acme; dit is op persoonlijke titel.\n",
		);
		expect(result.stderr).toBe("postcheck: nl.txt: would fix affiliation/undisclosed at 1:21\n");
		expect(result.status).toBe(1);
		expect(readFileSync(join(dir, "nl.txt"), "utf8")).toBe(
			"Onze nieuwe app van Acme is echt geweldig, trots op het team\n",
		);
	});

	it("--fix rewrites the file (keeping CRLF), leaves no temporary file, and reports what is left", () => {
		const dir = folder();
		writeFileSync(join(dir, "a.txt"), "Check out the Anvil Pro, best product on the market, get yours today!\r\n");
		const result = runCli([...WITH_EXAMPLE, "--fix", "--format", "json", "a.txt"], { cwd: dir });
		expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(
			"Check out the Anvil Pro, best product on the market, get yours today!\r\n#Acmeemployee\r\n",
		);
		expect(readdirSync(dir)).toEqual(["a.txt"]);
		expect(JSON.parse(result.stdout).files[0].findings).toEqual([]);
		expect(result.stderr).toContain("postcheck: a.txt: fixed affiliation/endorsement at 1:15\n");
		expect(result.status).toBe(0);
	});

	it("leaves a draft that is one of several in a file alone, and says so", () => {
		const dir = folder();
		const line = '{"text": "Check out the Anvil Pro, best product on the market, get yours today!"}\n';
		writeFileSync(join(dir, "posts.jsonl"), line);
		const result = runCli([...WITH_EXAMPLE, "--fix", "posts.jsonl"], { cwd: dir });
		expect(readFileSync(join(dir, "posts.jsonl"), "utf8")).toBe(line);
		expect(result.stderr).toBe(
			"postcheck: posts.jsonl:1: not fixed: one of several drafts in posts.jsonl; fix it there\n",
		);
		expect(result.status).toBe(1);
	});

	it("never touches a draft that an unfixable error makes unsafe to publish", () => {
		const dir = folder();
		const draft = "Proud of the Acme team. Project Coyote ships soon!\n";
		writeFileSync(join(dir, "b.txt"), draft);
		const result = runCli([...WITH_EXAMPLE, "--fix", "b.txt"], { cwd: dir });
		expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe(draft);
		expect(result.stderr).toBe(
			"postcheck: b.txt: not fixed: an error needs a human first (confidential/codename at 1:25)\n",
		);
		expect(result.status).toBe(1);
	});

	it("replaces a term with a pack's replacement suggestion, and leaves a UTF-16 draft alone", () => {
		const dir = folder();
		writeFileSync(
			join(dir, "pack.yaml"),
			`pack: words\ndescription: Preferred words.\nrules:\n  - name: utilize\n    severity: warning\n    message: "Say use."\n    guideline: { text: "Plain words.", source: "House style" }\n    suggestion: use\n    fix: replace\n    match: { terms: ["=utilize"] }\n`,
		);
		writeFileSync(join(dir, "a.txt"), "We utilize tools. You utilize them too.");
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("We utilize tools.", "utf16le")]);
		writeFileSync(join(dir, "b.txt"), utf16);
		const result = runCli(["--pack", "pack.yaml", "--fix", "a.txt", "b.txt"], { cwd: dir });
		expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("We use tools. You use them too.");
		expect(readFileSync(join(dir, "b.txt"))).toEqual(utf16);
		expect(result.stderr).toContain("postcheck: b.txt: not fixed: only UTF-8 drafts are fixed; this one is UTF-16\n");
	});
});
