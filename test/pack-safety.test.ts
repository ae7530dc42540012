import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../src/errors.js";
import { parseConfig, parsePack } from "../src/packs/load.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";
import { checkText, compileWithExample, exampleRules } from "./helpers/rules.js";

const STACK_TRACE = /\n\s+at |node:internal/;

/** A minimal valid rule, as YAML lines indented for a `rules:` list. */
function rule(name: string, match = "{ terms: [moonshot] }"): string {
	return `  - name: ${name}
    severity: error
    message: Leave it out.
    guideline: { text: Keep secrets secret., source: Acme handbook }
    match: ${match}
    examples: { bad: [the moonshot], good: [the moon] }
`;
}

function pack(body: string, header = "pack: acme\ndescription: Acme's own rules.\n"): string {
	return `${header}${body}`;
}

/** Runs the CLI with files written to a fresh folder; returns the single stderr line and the exit code. */
function runWith(files: Record<string, string>, args: string[]) {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-pack-"));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
	const result = runCli(["--date", EXAMPLE_DATE, ...args], { cwd: folder, input: "Our moonshot is coming" });
	expect(result.stderr).not.toMatch(STACK_TRACE);
	expect(result.stderr.trim().split("\n")).toHaveLength(1);
	return { status: result.status, error: result.stderr.trim() };
}

function refusedPack(text: string) {
	return runWith({ "acme.yaml": text }, ["--config", EXAMPLE_CONFIG, "--pack", "acme.yaml"]);
}

describe("broken packs are refused with exit 2 and file:line:col", () => {
	it("a YAML syntax error", () => {
		expect(refusedPack(pack(`rules:\n${rule("a")}  - name: [unclosed\n`))).toEqual({
			status: 2,
			error: expect.stringMatching(/^postcheck: acme\.yaml:\d+:\d+: /),
		});
	});

	it("a duplicate key", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a")}`, "pack: acme\npack: acme2\ndescription: x\n"));
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: acme\.yaml:2:1: Map keys must be unique/);
	});

	it("a wrong type", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a").replace("severity: error", "severity: 3")}`));
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: acme\.yaml:5:15: rules\[0\]\.severity: /);
	});

	it("an unknown key, with a did-you-mean", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a").replace("message:", "mesage:")}`));
		expect(status).toBe(2);
		expect(error).toBe('postcheck: acme.yaml:6:5: rules[0]: unknown key "mesage" (did you mean "message"?)');
	});

	it("an unknown one-letter key, without a far-fetched did-you-mean", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a").replace("message:", "x: 1\n    message:")}`));
		expect(status).toBe(2);
		expect(error).toBe('postcheck: acme.yaml:6:5: rules[0]: unknown key "x"');
	});

	it("a rule id used twice in one pack, pointing at the second", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("same")}${rule("same")}`));
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: acme\.yaml:10:11: rule "acme\/same" is defined twice/);
	});

	it("a rule id used twice across packs", () => {
		const text = pack(`rules:\n${rule("same")}`);
		const { status, error } = runWith({ "a.yaml": text, "b.yaml": text }, [
			"--config",
			EXAMPLE_CONFIG,
			"--pack",
			"a.yaml",
			"--pack",
			"b.yaml",
		]);
		expect(status).toBe(2);
		expect(error).toBe('postcheck: b.yaml:4:11: rule "acme/same" is defined twice (also in a.yaml)');
	});

	it("a pack that requires vocabulary the config lacks, but not one that merely uses it", () => {
		const needs = pack(`requires: [competitors]\nrules:\n${rule("a", "{ vocabulary: competitors }")}`);
		const empty = "organization: { name: Acme }\n";
		const { status, error } = runWith({ "acme.yaml": needs, "postcheck.yaml": empty }, ["--pack", "acme.yaml"]);
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: acme\.yaml:3:12: requires\[0\]: pack "acme" needs "competitors"/);
		const uses = pack(`rules:\n${rule("a", "{ vocabulary: competitors }")}${rule("b")}`);
		const fine = runCli(["--pack", "acme.yaml", "--date", EXAMPLE_DATE], {
			cwd: writeFolder({ "acme.yaml": uses, "postcheck.yaml": empty }),
			input: "Our moonshot is coming",
		});
		expect(fine.status).toBe(1);
	});

	it("a config that names a missing pack, pointing at the entry", () => {
		const config = "organization: { name: Acme }\npacks:\n  - rules/acme.yaml\n";
		const { status, error } = runWith({ "postcheck.yaml": config }, []);
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: postcheck\.yaml:3:5: packs: pack file: no such file: .*rules\/acme\.yaml$/);
	});
});

describe("regular expressions cannot hang a run", () => {
	it("refuses a pattern that can backtrack catastrophically, with the reason", () => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a", '{ regex: "(a+)+$" }')}`));
		expect(status).toBe(2);
		expect(error).toMatch(
			/^postcheck: acme\.yaml:8:21: rules\[0\]\.match\.regex: regex \/\(a\+\)\+\$\/ is refused: it can backtrack catastrophically/,
		);
	});

	it("accepts lookbehind, named groups and Unicode properties", () => {
		const text = pack(`rules:\n${rule("a", '{ regex: "(?<![\\\\w])(?<word>\\\\p{L}+shot)\\\\b" }')}`);
		expect(() => parsePack(text, "acme.yaml")).not.toThrow();
	});

	it("puts only rules with expressions from packs that are not built in under the watchdog", () => {
		expect(exampleRules().filter((compiled) => compiled.guarded)).toEqual([]);
		const body = `rules:\n${rule("terms")}${rule("expression", '{ any: [{ terms: [x] }, { regex: "moon\\\\w+" }] }')}`;
		const guarded = compileWithExample([parsePack(pack(body), "acme.yaml")]).map((compiled) => [
			compiled.id,
			compiled.guarded,
		]);
		expect(guarded).toEqual([
			["acme/terms", false],
			["acme/expression", true],
		]);
	});

	it("finds an expression however deep it sits in a condition (any, all, not)", () => {
		const deep = `${rule("deep")}    unless:
      - all:
          - not: { any: [{ near: { regex: "moon\\\\w+" } }] }
`;
		const [compiled] = compileWithExample([parsePack(pack(`rules:\n${deep}`), "acme.yaml")]);
		expect(compiled?.guarded).toBe(true);
	});

	it("stops a slow pattern the checker lets through at the time budget, names the draft and keeps other findings", () => {
		const slow = pack(`rules:\n${rule("slow", '{ regex: "(a|aa)*$" }')}`);
		const folder = writeFolder({ "slow.yaml": slow, "draft.txt": `We signed Globex. ${"a".repeat(60)}!` });
		const result = runCli(
			["--config", EXAMPLE_CONFIG, "--pack", "slow.yaml", "--time-budget", "0.5", "--format", "json", "draft.txt"],
			{ cwd: folder },
		);
		expect(result.stderr).toMatch(
			/^postcheck: draft\.txt: warning: rules took longer than --time-budget allows; skipped /,
		);
		expect(result.stderr).toContain("acme/slow");
		expect(result.status).toBe(1);
		expect(result.stdout).toContain("confidential/nda-client");
	}, 60_000);
});

describe("packs are data", () => {
	it.each([
		["a JavaScript function tag", "message: !!js/function 'function () { process.exit(9) }'", "!!js/function"],
		["a custom include tag", "message: !include /etc/passwd", "!include"],
		["a binary tag", "message: !!binary aGVsbG8=", "!!binary"],
	])("refuses %s", (_name, line, tag) => {
		const { status, error } = refusedPack(pack(`rules:\n${rule("a").replace("message: Leave it out.", line)}`));
		expect(status).toBe(2);
		expect(error).toContain(`YAML tags such as ${tag} are not allowed`);
	});

	it("refuses a billion-laughs alias bomb", () => {
		const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
		for (const name of "bcdefghi")
			levels.push(
				`${name}: &${name} [${Array(9)
					.fill(`*${levels.length === 0 ? "a" : String.fromCharCode(name.charCodeAt(0) - 1)}`)
					.join(", ")}]`,
			);
		const bomb = `${levels.join("\n")}\npack: acme\ndescription: x\nrules:\n${rule("a")}`;
		const { status, error } = refusedPack(bomb);
		expect(status).toBe(2);
		expect(error).toMatch(/^postcheck: acme\.yaml:2:\d+: cannot read YAML: .*alias/i);
	});

	it("refuses __proto__ as a key and leaves Object.prototype untouched", () => {
		const text = pack(`lexicons:\n  __proto__: [polluted]\nrules:\n${rule("a")}`);
		expect(() => parsePack(text, "acme.yaml")).toThrow(UserError);
		expect(() => parseConfig("__proto__: { polluted: true }\n", "postcheck.yaml")).toThrow(/__proto__/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(Object.prototype)).toEqual([]);
	});

	it("treats constructor, toString and hasOwnProperty as plain names", () => {
		const text = pack(
			`lexicons:\n  constructor: [moonshot]\nrules:\n${rule("a", "{ lexicon: constructor }")}${rule("b", "{ lexicon: toString }")}`,
		);
		const loaded = parsePack(text, "acme.yaml");
		expect(() => compileWithExample([loaded])).toThrow(/unknown lexicon "toString"/);
		const works = parsePack(
			pack(`lexicons:\n  constructor: [moonshot]\nrules:\n${rule("a", "{ lexicon: constructor }")}`),
			"acme.yaml",
		);
		const findings = checkText(compileWithExample([works]), "Our moonshot is coming, said the constructor.");
		expect(findings.map((finding) => finding.match)).toEqual(["moonshot"]);
		expect(Object.keys(Object.prototype)).toEqual([]);
	});

	it("loads a pack of 100,000 terms and finds them", () => {
		const terms = Array.from({ length: 100_000 }, (_, index) => `codeword${index.toString(36)}`);
		const text = pack(`rules:\n${rule("many", `{ terms: [${terms.join(", ")}] }`)}`);
		const rules = compileWithExample([parsePack(text, "acme.yaml")]);
		const findings = checkText(rules, "Ship codewordzz and codeword0 today");
		expect(findings.map((finding) => finding.match)).toEqual(["codewordzz", "codeword0"]);
	});
});

function writeFolder(files: Record<string, string>): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-pack-"));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
	return folder;
}
