import { describe, expect, it } from "vitest";
import { JsonReportSchema } from "../src/contracts/report.js";
import { runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

function ruleIds(folder: string, draft: string, args: string[] = []) {
	const result = runCli(["--format", "json", ...args, "-"], { cwd: folder, input: draft });
	const file = JsonReportSchema.parse(JSON.parse(result.stdout)).files[0];
	return file?.findings.map((finding) => `${finding.ruleId}:${finding.severity}`) ?? [];
}

const TONE = `pack: initech-tone
description: Initech's tone.
extends: tone
overrides:
  profanity: off
  insult: warning
`;

describe("extends", () => {
	it("inherits a built-in pack's rules under the new id, with overrides, and takes the built-in's place", () => {
		const folder = folderWith({ "postcheck.yaml": 'packs: ["./tone.yaml"]\n', "tone.yaml": TONE });
		expect(ruleIds(folder, "You are an idiot @bob, shut the fuck up")).toEqual(["initech-tone/insult:warning"]);
		const list = runCli(["packs", "list"], { cwd: folder }).stdout;
		expect(list).toContain("initech-tone  (tone.yaml, extends tone): Initech's tone.");
		expect(list).not.toMatch(/^tone /m);
		expect(list).not.toContain("initech-tone/profanity");
	});

	it("extends a file relative to the pack, adds rules, and keeps the base's example organisation for tests", () => {
		const folder = folderWith({
			"postcheck.yaml": 'organization: { name: Initech }\npacks: ["./team.yaml"]\n',
			"tone.yaml": TONE,
			"team.yaml": `pack: team\ndescription: The team's pack.\nextends: ./tone.yaml\nrules:\n  - name: tps\n    severity: info\n    message: "{match}"\n    guideline: { text: "No TPS jokes.", source: "Initech culture code" }\n    match: { terms: ["TPS report"] }\n    examples: { bad: ["Did you get the memo about the TPS report?"], good: ["Nice weather"] }\n`,
		});
		expect(ruleIds(folder, "Moron @bob, where is the TPS report")).toEqual(["team/insult:warning", "team/tps:info"]);
		const test = runCli(["test"], { cwd: folder });
		expect(test.stdout).toMatch(/^team\/insult\s+\d+\/\d+\s+\d+\/\d+\s+-\s+pass$/m);
		expect(test.stdout).toMatch(/^team\/tps\s+1\/1\s+1\/1\s+-\s+pass$/m);
		expect(test.status).toBe(0);
	});

	it("rejects an override of a rule the base lacks, an unknown built-in and a cycle, exit 2", () => {
		const folder = folderWith({
			"typo.yaml": TONE.replace("profanity: off", "profanty: off"),
			"unknown.yaml": TONE.replace("extends: tone", "extends: tones"),
			"a.yaml": "pack: a\ndescription: a\nextends: ./b.yaml\n",
			"b.yaml": "pack: b\ndescription: b\nextends: ./a.yaml\n",
			"lonely.yaml": "pack: lonely\ndescription: x\noverrides: { insult: off }\n",
		});
		const typo = runCli(["packs", "validate", "typo.yaml"], { cwd: folder });
		expect(typo.stderr).toMatch(
			/^postcheck: typo\.yaml: overrides: no rule "profanty" in pack "tone" \(its rules: insult, /,
		);
		expect(typo.status).toBe(2);
		expect(runCli(["packs", "validate", "unknown.yaml"], { cwd: folder }).stderr).toMatch(
			/^postcheck: unknown\.yaml: extends: no built-in pack "tones" \(built-in: affiliation, /,
		);
		expect(runCli(["packs", "validate", "a.yaml"], { cwd: folder }).stderr).toBe(
			'postcheck: b.yaml: extends: "./a.yaml" extends this pack again (a cycle)\n',
		);
		expect(runCli(["packs", "validate", "lonely.yaml"], { cwd: folder }).stderr).toMatch(
			/^postcheck: lonely\.yaml:\d+:\d+: .*a pack needs at least one rule, or extends: another pack/,
		);
	});
});

describe("valid_from and expires", () => {
	const PACK = `pack: campaign
description: A campaign and an embargo.
rules:
  - name: embargo
    severity: error
    message: "{match} is under embargo until the results."
    guideline: { text: "Wait for the results.", source: "Investor relations" }
    match: { terms: ["record quarter"] }
    expires: 2027-02-01
    examples: { bad: ["A record quarter for us"], good: ["A quiet quarter"] }
    tests:
      - { text: "A record quarter for us", date: 2027-02-01 }
      - { text: "A record quarter for us", date: 2027-01-31, findings: [{ match: record quarter }] }
  - name: hashtag
    severity: warning
    message: "Use #SpringLaunch from the launch day."
    guideline: { text: "Campaign tags go live with the campaign.", source: "Marketing" }
    match: { terms: ["#SpringLaunch"] }
    valid_from: 2027-03-01
    expires: 2027-04-01
    examples: { bad: ["Ready for #SpringLaunch"], good: ["Ready for spring"] }
`;

	it("apply a rule from valid_from until the day before expires, as of --date", () => {
		const folder = folderWith({ "postcheck.yaml": 'packs: ["./campaign.yaml"]\n', "campaign.yaml": PACK });
		const draft = "A record quarter for us, ready for #SpringLaunch";
		expect(ruleIds(folder, draft, ["--date", "2027-01-31"])).toEqual(["campaign/embargo:error"]);
		expect(ruleIds(folder, draft, ["--date", "2027-02-01"])).toEqual([]);
		expect(ruleIds(folder, draft, ["--date", "2027-03-01"])).toEqual(["campaign/hashtag:warning"]);
		expect(ruleIds(folder, draft, ["--date", "2027-04-01"])).toEqual([]);
		expect(runCli(["explain", "campaign/hashtag"], { cwd: folder }).stdout).toContain(
			"Applies:    to posts from 2027-03-01 and before 2027-04-01",
		);
	});

	it("postcheck test runs examples inside the rule's window and test cases on their own day", () => {
		const folder = folderWith({ "campaign.yaml": PACK });
		const result = runCli(["test", "--date", "2026-06-01", "campaign.yaml"], { cwd: folder });
		expect(result.stdout).toMatch(/^campaign\/embargo\s+1\/1\s+1\/1\s+2\/2\s+pass$/m);
		expect(result.stdout).toMatch(/^campaign\/hashtag\s+1\/1\s+1\/1\s+-\s+pass$/m);
		expect(result.status).toBe(0);
	});
});
