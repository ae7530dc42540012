import { z } from "zod";
import { type Config, ConfigSchema } from "../contracts/config.js";
import { type Pack, PackSchema, TermList } from "../contracts/pack.js";
import { UserError } from "../errors.js";
import type { LoadedPack } from "./compile.js";
import { unsafeRegexReason } from "./regex-safety.js";
import { formatYamlPath, locateInYaml, parseYaml } from "./yaml.js";

const LexiconFileSchema = z.object({ lexicons: z.record(z.string(), TermList) }).strict();
type LexiconFile = z.infer<typeof LexiconFileSchema>;

/**
 * Parses and validates a rule pack. A pack that is not built in also has its regular expressions checked for
 * catastrophic backtracking.
 */
export function parsePack(text: string, file: string, options: { trusted?: boolean } = {}): LoadedPack {
	if (options.trusted) {
		const pack = remembered(parsedPacks, text, () => parseYaml(text, file, PackSchema));
		return { file, pack, text, trusted: true };
	}
	const pack = parseYaml(text, file, PackSchema);
	refuseUnsafeRegexes(pack, text, file);
	return { file, pack, text, trusted: false };
}

/**
 * Built-in packs and word lists parsed earlier in this process (or in the startup snapshot, see src/cli/snapshot.ts),
 * by their text: parsing them is most of a cold start, and the same text always parses to the same value. Parsed
 * values are never changed after parsing.
 */
const parsedPacks = new Map<string, Pack>();
const parsedLexicons = new Map<string, LexiconFile>();

function remembered<Value>(parsed: Map<string, Value>, text: string, parse: () => Value): Value {
	const known = parsed.get(text);
	if (known) return known;
	const value = parse();
	parsed.set(text, value);
	return value;
}

function refuseUnsafeRegexes(pack: Pack, text: string, file: string): void {
	for (const { path, source } of regexesIn(pack, [])) {
		const reason = unsafeRegexReason(source);
		if (reason)
			throw new UserError(
				`${formatYamlPath(path)}: regex /${source}/ is refused: ${reason}`,
				locateInYaml(text, file, path),
			);
	}
}

/** Every `regex:` in a parsed pack, with its path in the YAML. */
function* regexesIn(
	value: unknown,
	path: (string | number)[],
): Generator<{ path: (string | number)[]; source: string }> {
	if (Array.isArray(value)) {
		// Word lists are long and hold only strings: only objects can hold a `regex:`.
		for (const [index, item] of value.entries())
			if (item && typeof item === "object") yield* regexesIn(item, [...path, index]);
		return;
	}
	if (!value || typeof value !== "object") return;
	for (const [key, item] of Object.entries(value)) {
		if (key === "regex" && typeof item === "string") yield { path: [...path, key], source: item };
		else if (key === "regex" && item && typeof item === "object") {
			for (const [language, source] of Object.entries(item)) {
				if (typeof source === "string") yield { path: [...path, key, language], source };
			}
		} else yield* regexesIn(item, [...path, key]);
	}
}

/** Parses the shared word lists every pack can use. */
export function parseLexicons(text: string, file: string): Record<string, z.infer<typeof TermList>> {
	return remembered(parsedLexicons, text, () => parseYaml(text, file, LexiconFileSchema)).lexicons;
}

/** Parses and validates an organisation config. */
export function parseConfig(text: string, file: string): Config {
	return parseYaml(text, file, ConfigSchema);
}

/** An override for a rule no loaded pack defines is a mistake (a typo, or a pack that is not loaded). */
export function checkRuleOverrides(
	config: Config,
	packs: readonly LoadedPack[],
	configFile: string,
	configText: string,
): void {
	const known = new Set(packs.flatMap(({ pack }) => pack.rules.map((rule) => `${pack.pack}/${rule.name}`)));
	for (const id of Object.keys(config.rules)) {
		if (known.has(id)) continue;
		const line = configText
			.split(/\r\n|\r|\n/)
			.findIndex((text) => new RegExp(`^\\s*["']?${escapeRegex(id)}["']?\\s*:`).test(text));
		const location =
			line >= 0
				? { file: configFile, line: line + 1, column: (configText.split(/\r\n|\r|\n/)[line] ?? "").search(/\S/) + 1 }
				: { file: configFile };
		throw new UserError(`rules: unknown rule "${id}" (see postcheck packs list)`, location);
	}
	const packIds = new Set(packs.map(({ pack }) => pack.pack));
	for (const [index, entry] of config.allow.entries()) {
		if (known.has(entry.rule) || packIds.has(entry.rule)) continue;
		const lines = configText.split(/\r\n|\r|\n/);
		const line = lines.findIndex((text) => new RegExp(`rule:\\s*["']?${escapeRegex(entry.rule)}["']?`).test(text));
		const location =
			line >= 0
				? { file: configFile, line: line + 1, column: (lines[line] ?? "").indexOf("rule:") + 1 }
				: { file: configFile };
		throw new UserError(
			`allow[${index}].rule: unknown rule or pack "${entry.rule}" (see postcheck packs list)`,
			location,
		);
	}
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
