import { resolve } from "node:path";
import type { LoadedPack } from "../../packs/compile.js";
import { compilePacks } from "../../packs/compile.js";
import { resolveVocabulary } from "../../packs/vocabulary.js";
import { formatPackList } from "../../report/pack-list.js";
import { BUILTIN_RULES_DIR, loadConfig, loadPackFile, loadSetup, loadSharedLexicons } from "../setup.js";
import { today } from "../today.js";
import { type CommandBuilder, newCommand } from "./index.js";

interface PackOptions {
	config?: string;
	pack: string[];
}

/** `postcheck packs list` and `postcheck packs validate FILE...`. */
export const packsCommand: CommandBuilder = (exit) => {
	const packs = newCommand("packs").description("list the rules of the packs in use, or check pack files");
	packs.addCommand(
		newCommand("list")
			.description("the packs in use (built-in, the config's, --pack) with their rules, severities and sources")
			.option("-c, --config <file>", "organisation config (default: the nearest postcheck.yaml)")
			.option("-p, --pack <file>", "extra pack (repeatable)", (value: string, all: string[]) => [...all, value], [])
			.action((options: PackOptions) => {
				const cwd = process.cwd();
				const setup = loadSetup({
					cwd,
					configPath: options.config,
					packPaths: options.pack,
					date: today(),
					platform: "all",
				});
				const builtin = resolve(BUILTIN_RULES_DIR);
				process.stdout.write(
					formatPackList(setup.packs, setup.rules, (file) => resolve(cwd, file).startsWith(builtin)),
				);
				exit(0);
			}),
	);
	packs.addCommand(
		newCommand("validate")
			.description("check pack files: YAML, schema, lexicons and regular expressions (exit 2 on the first mistake)")
			.argument("<files...>", "pack files")
			.option("-c, --config <file>", "organisation config the packs use (default: the nearest postcheck.yaml)")
			.action((files: string[], options: PackOptions) => {
				const cwd = process.cwd();
				const { config } = loadConfig(cwd, options.config);
				const sharedLexicons = loadSharedLexicons(cwd);
				for (const file of files) {
					const loaded: LoadedPack = loadPackFile(resolve(cwd, file), cwd);
					compilePacks([loaded], { config, vocabulary: resolveVocabulary(config, today()), sharedLexicons });
					process.stdout.write(`${describeValidPack(loaded)}\n`);
				}
				exit(0);
			}),
	);
	return packs;
};

function describeValidPack({ file, pack }: LoadedPack): string {
	const untested = pack.rules.filter((rule) => !rule.examples && rule.tests.length === 0).length;
	const rules = `${pack.rules.length} ${pack.rules.length === 1 ? "rule" : "rules"}`;
	return `${file}: pack "${pack.pack}" is valid, ${rules}${untested > 0 ? `, ${untested} without examples or tests` : ""}`;
}
