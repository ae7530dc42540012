import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../src/check.js";
import type { Language } from "../../src/contracts/config.js";
import type { Finding } from "../../src/contracts/report.js";
import { type CompiledRule, compilePacks, type LoadedPack } from "../../src/packs/compile.js";
import { parseConfig, parseLexicons, parsePack } from "../../src/packs/load.js";
import { resolveVocabulary } from "../../src/packs/vocabulary.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT } from "./cli.js";

export const RULES_DIR = join(ROOT, "rules");

/** The built-in packs as files: name and YAML text. */
export function builtinPackTexts(): { name: string; text: string }[] {
	return readdirSync(RULES_DIR)
		.filter((name) => name.endsWith(".yaml") && name !== "lexicons.yaml")
		.sort()
		.map((name) => ({ name, text: readFileSync(join(RULES_DIR, name), "utf8") }));
}

/** Compiles packs against the example config, as the CLI does. */
export function compileWithExample(packs: LoadedPack[]): CompiledRule[] {
	const config = parseConfig(readFileSync(EXAMPLE_CONFIG, "utf8"), EXAMPLE_CONFIG);
	const sharedLexicons = parseLexicons(readFileSync(join(RULES_DIR, "lexicons.yaml"), "utf8"), "rules/lexicons.yaml");
	return compilePacks(packs, { config, vocabulary: resolveVocabulary(config, EXAMPLE_DATE), sharedLexicons });
}

/** The built-in packs compiled against the example config. */
export function exampleRules(): CompiledRule[] {
	return compileWithExample(
		builtinPackTexts().map(({ name, text }) => parsePack(text, `rules/${name}`, { trusted: true })),
	);
}

/** Checks a draft with the given rules, as the CLI would (organisation "Acme"). */
export function checkText(rules: readonly CompiledRule[], text: string, language: Language = "en"): Finding[] {
	return check(text, language, rules, { placeholders: { organization: "Acme" } });
}
