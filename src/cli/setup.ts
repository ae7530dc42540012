import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, ConfigSchema } from "../contracts/config.js";
import { type Location, UserError } from "../errors.js";
import { type CompiledRule, compilePacks, type LoadedPack } from "../packs/compile.js";
import { checkRuleOverrides, parseConfig, parseLexicons, parsePack } from "../packs/load.js";
import type { Placeholders } from "../packs/placeholders.js";
import { organizationNames, resolveVocabulary } from "../packs/vocabulary.js";
import { locateInYaml } from "../packs/yaml.js";

/** The folder of built-in packs shipped with postcheck. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
const SHARED_LEXICONS = "lexicons.yaml";
const CONFIG_NAMES = ["postcheck.yaml", ".postcheck.yaml"];

/** Everything a run needs, loaded once and shared by every draft. */
export interface Setup {
	config: Config;
	configFile?: string;
	rules: CompiledRule[];
	placeholders: Placeholders;
}

export interface SetupOptions {
	cwd: string;
	configPath?: string;
	packPaths: string[];
	/** The publication day, YYYY-MM-DD. */
	date: string;
}

/** Finds and loads the config, loads built-in, config and command-line packs, and compiles them. */
export function loadSetup(options: SetupOptions): Setup {
	const configFile = options.configPath ? resolve(options.cwd, options.configPath) : findConfig(options.cwd);
	const configText = configFile ? readUserFile(configFile, "config") : undefined;
	const config =
		configFile && configText !== undefined
			? parseConfig(configText, shown(options.cwd, configFile))
			: ConfigSchema.parse({});
	const builtin = builtinPackFiles().map((file) =>
		parsePack(readUserFile(file, "pack"), shown(options.cwd, file), { trusted: true }),
	);
	const fromConfig = config.packs.map((path, index) => {
		const file = resolve(dirname(configFile as string), path);
		const text = readConfigPack(file, () =>
			locateInYaml(configText ?? "", shown(options.cwd, configFile as string), ["packs", index]),
		);
		return parsePack(text, shown(options.cwd, file));
	});
	const fromFlags = options.packPaths.map((path) => {
		const file = resolve(options.cwd, path);
		return parsePack(readUserFile(file, "pack"), shown(options.cwd, file));
	});
	const packs: LoadedPack[] = [...builtin, ...fromConfig, ...fromFlags];
	if (configFile && configText !== undefined)
		checkRuleOverrides(config, packs, shown(options.cwd, configFile), configText);
	const sharedFile = join(BUILTIN_RULES_DIR, SHARED_LEXICONS);
	const sharedLexicons = parseLexicons(readFileSync(sharedFile, "utf8"), shown(options.cwd, sharedFile));
	const vocabulary = resolveVocabulary(config, options.date);
	const rules = compilePacks(packs, { config, vocabulary, sharedLexicons });
	const organization = organizationNames(vocabulary)[0] ?? "my employer";
	return { config, configFile, rules, placeholders: { organization } };
}

/** The nearest postcheck.yaml or .postcheck.yaml in the folder or its parents. */
export function findConfig(start: string): string | undefined {
	let folder = resolve(start);
	for (;;) {
		for (const name of CONFIG_NAMES) {
			const candidate = join(folder, name);
			if (existsSync(candidate)) return candidate;
		}
		const parent = dirname(folder);
		if (parent === folder) return undefined;
		folder = parent;
	}
}

function builtinPackFiles(): string[] {
	return readdirSync(BUILTIN_RULES_DIR)
		.filter((name) => name.endsWith(".yaml") && name !== SHARED_LEXICONS)
		.sort()
		.map((name) => join(BUILTIN_RULES_DIR, name));
}

/** A pack the config names but that cannot be read is the config's mistake: the error points at its `packs:` entry. */
function readConfigPack(file: string, entry: () => Location): string {
	try {
		return readUserFile(file, "pack");
	} catch (error) {
		if (error instanceof UserError) throw new UserError(`packs: ${error.message}: ${file}`, entry());
		throw error;
	}
}

function readUserFile(file: string, what: string): string {
	try {
		return readFileSync(file, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === "ENOENT"
				? "not found"
				: code === "EISDIR"
					? "is a folder"
					: code === "EACCES"
						? "permission denied"
						: (code ?? "cannot be read");
		throw new UserError(`${what} file ${reason}`, { file });
	}
}

/** Paths in messages are relative to where the user ran postcheck, when that is shorter. */
function shown(cwd: string, file: string): string {
	const path = relative(cwd, file);
	return path.startsWith("..") && path.split("/").filter((part) => part === "..").length > 2 ? file : path || file;
}
