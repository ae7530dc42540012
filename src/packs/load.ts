import { z } from "zod";
import { type Config, ConfigSchema } from "../contracts/config.js";
import { PackSchema, TermList } from "../contracts/pack.js";
import { UserError } from "../errors.js";
import type { LoadedPack } from "./compile.js";
import { parseYaml } from "./yaml.js";

const LexiconFileSchema = z.object({ lexicons: z.record(z.string(), TermList) }).strict();

/** Parses and validates a rule pack. */
export function parsePack(text: string, file: string): LoadedPack {
	return { file, pack: parseYaml(text, file, PackSchema) };
}

/** Parses the shared word lists every pack can use. */
export function parseLexicons(text: string, file: string): Record<string, z.infer<typeof TermList>> {
	return parseYaml(text, file, LexiconFileSchema).lexicons;
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
