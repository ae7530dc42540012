import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/check.js";
import { detectLanguage } from "../src/document/language.js";
import { compilePacks } from "../src/packs/compile.js";
import { parseConfig, parseLexicons, parsePack } from "../src/packs/load.js";
import { resolveVocabulary } from "../src/packs/vocabulary.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT } from "./helpers/cli.js";

const rulesDir = join(ROOT, "rules");
const packs = readdirSync(rulesDir)
	.filter((name) => name.endsWith(".yaml") && name !== "lexicons.yaml")
	.map((name) => parsePack(readFileSync(join(rulesDir, name), "utf8"), `rules/${name}`, { trusted: true }));
const config = parseConfig(readFileSync(EXAMPLE_CONFIG, "utf8"), EXAMPLE_CONFIG);
const sharedLexicons = parseLexicons(readFileSync(join(rulesDir, "lexicons.yaml"), "utf8"), "rules/lexicons.yaml");
const rules = compilePacks(packs, { config, vocabulary: resolveVocabulary(config, EXAMPLE_DATE), sharedLexicons });

function ruleIdsFor(text: string): string[] {
	const language = detectLanguage(text, "en");
	return check(text, language, rules, { placeholders: { organization: "Acme" } }).map((finding) => finding.ruleId);
}

describe("built-in packs", () => {
	it("are the five stable pack ids", () => {
		expect(packs.map(({ pack }) => pack.pack).sort()).toEqual([
			"affiliation",
			"confidential",
			"incident-speculation",
			"tone",
			"unreleased-products",
		]);
	});

	for (const rule of rules) {
		describe(rule.id, () => {
			for (const text of rule.examples.bad) it(`fires on: ${text}`, () => expect(ruleIdsFor(text)).toContain(rule.id));
			for (const text of rule.examples.good)
				it(`stays quiet on: ${text}`, () => expect(ruleIdsFor(text)).not.toContain(rule.id));
		});
	}
});
