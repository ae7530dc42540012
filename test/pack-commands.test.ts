import { describe, expect, it } from "vitest";
import { EXAMPLE_CONFIG, runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

const PACK = `pack: initech
description: Initech's own rules.
rules:
  - name: codename
    severity: warning
    message: "{match} is internal."
    guideline: { text: "Codenames stay internal.", source: "Initech policy §3" }
    match: { terms: ["Project Bobcat"] }
`;

describe("postcheck packs list", () => {
	it("lists every pack with its source and each rule with the severity a run uses", () => {
		const folder = folderWith({
			"postcheck.yaml": 'packs: ["./initech.yaml"]\nrules:\n  tone/profanity: off\n  initech/codename: error\n',
			"initech.yaml": PACK,
		});
		const result = runCli(["packs", "list"], { cwd: folder });
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^tone {2}\(built-in\): Insults/m);
		expect(result.stdout).toMatch(/^initech {2}\(initech\.yaml\): Initech's own rules\.$/m);
		expect(result.stdout).toMatch(/^ {2}initech\/codename\s+error\s+Initech policy §3$/m);
		expect(result.stdout).toMatch(/^ {2}tone\/profanity\s+off\s+TNT social media guidelines/m);
		expect(result.stdout).toMatch(/^ {2}tone\/insult\s+error\s+IBM Social Computing Guidelines/m);
		expect(result.stdout).toContain("7 packs, 26 rules (1 off).");
	});
});

describe("postcheck packs validate", () => {
	it("accepts a good pack and says how many rules lack examples", () => {
		const folder = folderWith({ "initech.yaml": PACK });
		const result = runCli(["packs", "validate", "initech.yaml"], { cwd: folder });
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('initech.yaml: pack "initech" is valid, 1 rule, 1 without examples or tests\n');
	});

	it("rejects a schema mistake, an unknown lexicon and a bad regex with the place and exit 2", () => {
		const folder = folderWith({
			"typo.yaml": PACK.replace("severity: warning", "severty: warning"),
			"lexicon.yaml": PACK.replace('{ terms: ["Project Bobcat"] }', "{ lexicon: nope }"),
			"regex.yaml": PACK.replace('{ terms: ["Project Bobcat"] }', '{ regex: "(unclosed" }'),
		});
		const typo = runCli(["packs", "validate", "typo.yaml"], { cwd: folder });
		expect(typo.status).toBe(2);
		expect(typo.stderr).toBe('postcheck: typo.yaml:5:5: rules[0]: unknown key "severty" (did you mean "severity"?)\n');
		const lexicon = runCli(["packs", "validate", "lexicon.yaml"], { cwd: folder });
		expect(lexicon.status).toBe(2);
		expect(lexicon.stderr).toMatch(/^postcheck: lexicon\.yaml: initech\/codename: unknown lexicon "nope" \(known: /);
		const regex = runCli(["packs", "validate", "regex.yaml"], { cwd: folder });
		expect(regex.status).toBe(2);
		expect(regex.stderr).toMatch(/^postcheck: regex\.yaml:8:21: rules\[0\]\.match\.regex: regex \/\(unclosed\/ /);
	});

	it("is a usage error without a subcommand", () => {
		const result = runCli(["packs"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("Usage: postcheck packs");
	});
});

describe("postcheck explain", () => {
	it("shows the message, guideline, conditions in words, every modifier with its weight, and the examples", () => {
		const result = runCli(["explain", "--config", EXAMPLE_CONFIG, "tone/insult"]);
		expect(result.status).toBe(0);
		const text = result.stdout;
		expect(text).toMatch(/^tone\/insult {2}\(error, from rules\/tone\.yaml\)$/m);
		expect(text).toContain('Message (en): Calling someone "{match}" attacks the person');
		expect(text).toContain('Message (nl): Iemand "{match}" noemen is een persoonlijke aanval');
		expect(text).toContain("Guideline (nl): Wees respectvol.");
		expect(text).toContain('Not when:   a word from the list "negation" within 2 words before it');
		expect(text).toContain("Score: starts at 0.40; reported at 0.60 or more.");
		expect(text).toContain(
			'  +0.35  aimed at someone: a word from the list "second-person" or an @mention in the same sentence',
		);
		expect(text).toMatch(/^ {2}-0\.30 {2}quoted: quoted text on the matched words themselves$/m);
		expect(text).toContain("Fires on:\n  @globexhelp you are all idiots");
	});

	it("applies the config's overrides", () => {
		const folder = folderWith({
			"postcheck.yaml": "rules:\n  tone/insult: { severity: warning, minScore: 0.8 }\n  tone/mockery: off\n",
		});
		expect(runCli(["explain", "tone/insult"], { cwd: folder }).stdout).toMatch(
			/^tone\/insult {2}\(warning, [\s\S]*reported at 0\.80 or more/m,
		);
		expect(runCli(["explain", "tone/mockery"], { cwd: folder }).stdout).toMatch(/^tone\/mockery {2}\(off, /);
	});

	it("takes the options given after its name, such as --config", () => {
		const result = runCli(["explain", "--config", "missing.yaml", "tone/insult"]);
		expect(result.stderr).toMatch(/^postcheck: .*missing\.yaml: config file: /);
		expect(result.status).toBe(2);
	});

	it("suggests the nearest rule id for a typo, exit 2", () => {
		const result = runCli(["explain", "tone/insullt"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(
			'postcheck: unknown rule "tone/insullt" (did you mean "tone/insult"?); see postcheck packs list\n',
		);
	});
});
