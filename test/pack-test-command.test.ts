import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

const CONFIG = `organization: { name: Initech }
confidential: { terms: ["Project Bobcat"] }
packs: ["./initech.yaml"]
`;

const RULE = `  - name: codename
    severity: error
    message: "{match} is internal."
    guideline: { text: "Codenames stay internal.", source: "Initech policy §3" }
    match: { vocabulary: confidential.terms }
`;

describe("postcheck test", () => {
	it("passes the built-in packs and the config's pack, with a table, exit 0", () => {
		const folder = folderWith({
			"postcheck.yaml": CONFIG,
			"initech.yaml": `pack: initech\ndescription: Initech's rules.\nrules:\n${RULE}    examples:\n      bad: ["Project Bobcat ships in May"]\n      good: ["A bobcat in the garden"]\n    tests:\n      - text: "Project Bobcat and project bobcat"\n        findings: [{ match: Project Bobcat }, { rule: initech/codename, match: project bobcat }]\n      - text: "Nothing to see here"\n`,
		});
		const result = runCli(["test"], { cwd: folder });
		expect(result.stderr).toBe("");
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^initech\/codename\s+1\/1\s+1\/1\s+2\/2\s+pass$/m);
		expect(result.stdout).toMatch(/^tone\/insult\s+\d+\/\d+\s+\d+\/\d+\s+-\s+pass$/m);
		expect(result.stdout).toMatch(/26 rules, \d+ cases: 26 rules passed, 0 failed\.\n$/);
	});

	it("fails with exit 1 and says which case failed and why", () => {
		const folder = folderWith({
			"postcheck.yaml": CONFIG,
			"initech.yaml": `pack: initech\ndescription: Initech's rules.\nrules:\n${RULE}    examples:\n      bad: ["The bobcat project ships in May"]\n      good: ["Project Bobcat is fine to say"]\n    tests:\n      - text: "Project Bobcat"\n        findings: [{ match: Bobcat }]\n`,
		});
		const result = runCli(["test", "initech.yaml"], { cwd: folder });
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/^initech\/codename\s+0\/1\s+0\/1\s+0\/1\s+FAIL$/m);
		expect(result.stdout).toContain(
			'✖ initech/codename (initech.yaml) bad example "The bobcat project ships in May": did not fire',
		);
		expect(result.stdout).toContain(
			'✖ initech/codename (initech.yaml) good example "Project Bobcat is fine to say": fired on initech/codename "Project Bobcat"',
		);
		expect(result.stdout).toContain(
			'test "Project Bobcat": missing initech/codename "Bobcat"; unexpected initech/codename "Project Bobcat"',
		);
		expect(result.stdout).toContain("1 rule, 3 cases: 0 rules passed, 1 failed.");
	});

	it("reports a rule without examples as untested, and fails it with --coverage", () => {
		const folder = folderWith({
			"postcheck.yaml": CONFIG,
			"initech.yaml": `pack: initech\ndescription: Initech's rules.\nrules:\n${RULE}`,
		});
		const plain = runCli(["test", "initech.yaml"], { cwd: folder });
		expect(plain.status).toBe(0);
		expect(plain.stdout).toMatch(/^initech\/codename\s+-\s+-\s+-\s+untested \(no examples/m);
		const strict = runCli(["test", "--coverage", "initech.yaml"], { cwd: folder });
		expect(strict.status).toBe(1);
		expect(strict.stdout).toMatch(/^initech\/codename\s+-\s+-\s+-\s+FAIL \(no examples/m);
	});

	it("uses a test case's own date and language", () => {
		const folder = folderWith({
			"postcheck.yaml": "organization: { name: Initech }\nproducts: [{ name: Stapler 2, announce: 2027-03-01 }]\n",
			"initech.yaml": `pack: initech\ndescription: Initech's rules.\nrules:\n  - name: unreleased\n    severity: error\n    message: "{match} is not announced."\n    guideline: { text: "Wait for the launch.", source: "Initech policy" }\n    languages: [nl]\n    match: { vocabulary: products.unreleased }\n    tests:\n      - { text: "Stapler 2", date: 2027-01-01, lang: nl, findings: [{ match: Stapler 2 }] }\n      - { text: "Stapler 2", date: 2027-03-01, lang: nl }\n      - { text: "Stapler 2", date: 2027-01-01, lang: en }\n`,
		});
		const result = runCli(["test", "--coverage", "initech.yaml"], { cwd: folder });
		expect(result.stdout).toMatch(/^initech\/unreleased\s+-\s+-\s+3\/3\s+pass$/m);
		expect(result.status).toBe(0);
	});

	it("names the file, line and column of a mistake in a pack, exit 2", () => {
		const folder = folderWith({
			"initech.yaml": `pack: initech\ndescription: x\nrules:\n${RULE}    tests:\n      - { text: "x", finding: [] }\n`,
		});
		const result = runCli(["test", "initech.yaml"], { cwd: folder });
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^postcheck: initech\.yaml:10:22: rules\[0\]\.tests\[0\]: unknown key "finding"/);
	});

	it("fails a case listed twice and a message with a placeholder nothing fills", () => {
		const folder = folderWith({
			"postcheck.yaml": CONFIG,
			"initech.yaml": `pack: initech\ndescription: x\nrules:\n${RULE.replace("{match} is internal.", "{mtach} is internal.")}    examples:\n      bad: ["Project Bobcat ships", "Project Bobcat ships"]\n      good: ["Nice weather"]\n`,
		});
		const result = runCli(["test", "initech.yaml"], { cwd: folder });
		expect(result.stdout).toContain(
			'✖ initech/codename (initech.yaml) test "Project Bobcat ships": the same case is listed twice',
		);
		expect(result.stdout).toContain(
			'✖ initech/codename (initech.yaml) bad example "Project Bobcat ships": the message leaves {mtach} unfilled',
		);
		expect(result.status).toBe(1);
	});

	it("says which pack names a test config that does not exist", () => {
		const folder = folderWith({
			"initech.yaml": `pack: initech\ndescription: x\ntest: { config: ./missing.yaml }\nrules:\n${RULE}`,
		});
		const result = runCli(["test", "initech.yaml"], { cwd: folder });
		expect(result.stderr).toBe('postcheck: initech.yaml: test.config: no such file "./missing.yaml"\n');
		expect(result.status).toBe(2);
	});
});
