import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPackTestSuites } from "../src/cli/commands/test.js";
import { ConfigSchema } from "../src/contracts/config.js";
import type { Condition, Matcher, TermList } from "../src/contracts/pack.js";
import { buildDocument } from "../src/document/document.js";
import { parseLexicons, parsePack } from "../src/packs/load.js";
import { compileMatcher } from "../src/packs/matchers.js";
import { TermLists } from "../src/packs/terms.js";
import { runPackTests } from "../src/packs/test-runner.js";
import { resolveVocabulary } from "../src/packs/vocabulary.js";
import { ROOT } from "./helpers/cli.js";
import { builtinPackTexts, compileWithExample } from "./helpers/rules.js";

// The same runner as `postcheck test`: each built-in pack names the config and day its examples are written for.
const rulesDir = join(ROOT, "rules");
const files = readdirSync(rulesDir)
	.filter((name) => name.endsWith(".yaml") && name !== "lexicons.yaml")
	.map((name) => join(rulesDir, name));
const suites = loadPackTestSuites(files, { cwd: ROOT, config: ConfigSchema.parse({}), date: "2000-01-01" });
const results = suites.flatMap(runPackTests);

describe("built-in packs", () => {
	it("are the five stable pack ids and the platform pack", () => {
		expect(suites.flatMap((suite) => suite.packs.map(({ pack }) => pack.pack)).sort()).toEqual([
			"affiliation",
			"confidential",
			"incident-speculation",
			"platform",
			"tone",
			"unreleased-products",
		]);
	});

	it("every rule has examples that fire it and examples that must not", () => {
		expect(results.filter((result) => !result.covered).map((result) => result.ruleId)).toEqual([]);
	});

	for (const result of results) {
		describe(result.ruleId, () => {
			for (const item of result.cases)
				it(`${item.kind}: ${item.text}`, () => expect(item.problem ?? "passed").toBe("passed"));
		});
	}
});

describe("built-in word lists", () => {
	it("hold no entry that its own rule's unless conditions or score-lowering modifiers meet as written (said of someone, where the rule asks that)", () => {
		const packs = builtinPackTexts().map(({ name, text }) => parsePack(text, `rules/${name}`, { trusted: true }));
		const rules = compileWithExample(packs);
		const shared = parseLexicons(readFileSync(join(rulesDir, "lexicons.yaml"), "utf8"), "rules/lexicons.yaml");
		const cancelled: string[] = [];
		for (const { pack } of packs) {
			for (const rule of pack.rules) {
				const compiled = rules.find((candidate) => candidate.id === `${pack.pack}/${rule.name}`);
				const saidOfSomeone = new Set(rule.unless.flatMap(lexiconsOnTheMatch));
				for (const name of lexiconsMatchedBy(rule.match)) {
					const lists = pack.lexicons[name] ?? shared[name] ?? [];
					for (const language of ["en", "nl"] as const) {
						for (const entry of Array.isArray(lists) ? lists : (lists[language] ?? [])) {
							const before = saidOfSomeone.has(name) ? `${YOU[language]} ` : "";
							const doc = buildDocument(before + entry.replace(/^[=*]|\*$/g, ""), language);
							const whole = compiled?.match(doc).find((hit) => hit.start === before.length);
							if (!whole || !compiled) continue;
							const lowering = compiled.modifiers.filter((modifier) => modifier.add < 0).map(({ when }) => when);
							if ([...compiled.unless, ...lowering].some((condition) => condition(doc, whole)))
								cancelled.push(`${compiled.id} [${language}] ${entry}`);
						}
					}
				}
			}
		}
		expect(cancelled).toEqual([]);
	});

	it('hold no entry that cannot find itself (a dead entry, as ">" was while punctuation started no match)', () => {
		const shared = parseLexicons(readFileSync(join(rulesDir, "lexicons.yaml"), "utf8"), "rules/lexicons.yaml");
		const packLexicons = builtinPackTexts().map(
			({ name, text }) => parsePack(text, `rules/${name}`, { trusted: true }).pack.lexicons,
		);
		const vocabulary = resolveVocabulary(ConfigSchema.parse({ organization: { name: "Acme" } }), "2026-11-22");
		const dead: string[] = [];
		// The shared word lists, then each pack's own, with the lists their placeholders may name.
		const sources = [shared, ...packLexicons].map((own) => ({ own, lexicons: { ...shared, ...own } }));
		for (const { own, lexicons } of sources) {
			const context = { lexicons, vocabulary, terms: new TermLists(), where: "test" };
			for (const [name, lists] of Object.entries(own)) {
				for (const language of ["en", "nl"] as const) {
					const entries = Array.isArray(lists) ? lists : (lists[language] ?? []);
					const matcher = compileMatcher({ terms: entries }, context);
					for (const entry of entries) {
						// A prefix or suffix entry ("kanker*", "*ongeluk") is written out with a letter where its star is,
						// a placeholder with the organisation's name or the first entry of the word list it names, a gap
						// ("~2") with no words.
						const text = entry
							.replace(/^=/, "")
							.replaceAll(/\s~\d(?=\s)/g, "")
							.replace(/^\*|\*$/, "x")
							.replaceAll(/\{([a-z][a-z0-9-]*)\}/g, (_, list: string) =>
								list === "organization" ? "Acme" : firstEntry(lexicons[list], language),
							);
						const doc = buildDocument(text, language);
						if (!matcher(doc).some((hit) => hit.start === 0 && hit.end >= text.length - 1))
							dead.push(`${name} [${language}] ${entry}`);
					}
				}
			}
		}
		expect(dead).toEqual([]);
	});
});

function firstEntry(list: TermList | undefined, language: "en" | "nl"): string {
	const entries = !list ? [] : Array.isArray(list) ? list : (list[language] ?? []);
	return (entries[0] ?? "").replace(/^=|\*$/g, "");
}

/** How a test puts a word on someone, for the word lists a rule counts only when they are. */
const YOU = { en: "you", nl: "jij" } as const;

/**
 * The word lists an `unless` condition looks for on the match itself, inside `all`: lists of words that count only in
 * some company ("the right tool" is no insult, "you tool" is).
 */
function lexiconsOnTheMatch(condition: Condition): string[] {
	if (!("all" in condition)) return [];
	return condition.all.flatMap((part) =>
		"near" in part && part.within === "match" ? lexiconsMatchedBy(part.near) : lexiconsOnTheMatch(part),
	);
}

function lexiconsMatchedBy(matcher: Matcher): string[] {
	if ("lexicon" in matcher) return [matcher.lexicon];
	return "any" in matcher ? matcher.any.flatMap(lexiconsMatchedBy) : [];
}
