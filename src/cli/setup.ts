import { createHash } from "node:crypto";
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
import { describeFileError } from "./file-errors.js";

/** The folder of built-in packs shipped with postcheck. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
const SHARED_LEXICONS = "lexicons.yaml";
/** The file names of the organisation config, searched in this order. */
export const CONFIG_NAMES = ["postcheck.yaml", ".postcheck.yaml"];

/** Everything a run needs, loaded once and shared by every draft. */
export interface Setup {
	config: Config;
	configFile?: string;
	/** The config's own packs, as absolute paths. */
	packFiles: string[];
	rules: CompiledRule[];
	/** The rules as of another publication day (a draft's own `date`); compiled once per day. */
	rulesFor: (date: string) => CompiledRule[];
	placeholders: Placeholders;
	/** sha256 of everything loaded (config, packs, shared word lists): changes whenever results could. */
	fingerprint: string;
}

export interface SetupOptions {
	cwd: string;
	/** Where the search for postcheck.yaml starts (default: cwd). */
	searchFrom?: string;
	configPath?: string;
	packPaths: string[];
	/** The publication day, YYYY-MM-DD. */
	date: string;
}

/** Finds and loads the config, loads built-in, config and command-line packs, and compiles them. */
export function loadSetup(options: SetupOptions): Setup {
	const configFile = options.configPath
		? resolve(options.cwd, options.configPath)
		: findConfig(options.searchFrom ?? options.cwd);
	const configText = configFile ? readUserFile(configFile, "config") : undefined;
	const config =
		configFile && configText !== undefined
			? parseConfig(configText, shown(options.cwd, configFile))
			: ConfigSchema.parse({});
	const builtinFiles = builtinPackFiles();
	const configPackFiles = config.packs.map((path) => resolve(dirname(configFile as string), path));
	const flagPackFiles = options.packPaths.map((path) => resolve(options.cwd, path));
	const packFiles = [...builtinFiles, ...configPackFiles, ...flagPackFiles];
	const configEntry = (index: number) => () =>
		locateInYaml(configText ?? "", shown(options.cwd, configFile as string), ["packs", index]);
	const packTexts = [
		...builtinFiles.map((file) => readUserFile(file, "pack")),
		...configPackFiles.map((file, index) => readConfigPack(file, configEntry(index))),
		...flagPackFiles.map((file) => readUserFile(file, "pack")),
	];
	// Built-in packs are reviewed by hand; only the organisation's own have their regular expressions checked.
	const packs: LoadedPack[] = packFiles.map((file, index) =>
		parsePack(packTexts[index] as string, shown(options.cwd, file), { trusted: index < builtinFiles.length }),
	);
	if (configFile && configText !== undefined)
		checkRuleOverrides(config, packs, shown(options.cwd, configFile), configText);
	const sharedFile = join(BUILTIN_RULES_DIR, SHARED_LEXICONS);
	const sharedText = readFileSync(sharedFile, "utf8");
	const sharedLexicons = parseLexicons(sharedText, shown(options.cwd, sharedFile));
	const compiled = new Map<string, CompiledRule[]>();
	const rulesFor = (date: string) => {
		const cached = compiled.get(date);
		if (cached) return cached;
		const rules = compilePacks(packs, { config, vocabulary: resolveVocabulary(config, date), sharedLexicons });
		compiled.set(date, rules);
		return rules;
	};
	const organization = organizationNames(resolveVocabulary(config, options.date))[0] ?? "my employer";
	const fingerprint = hashAll([configText ?? "", sharedText, ...packTexts]);
	return {
		config,
		configFile,
		packFiles: configPackFiles,
		rules: rulesFor(options.date),
		rulesFor,
		placeholders: { organization },
		fingerprint,
	};
}

function hashAll(texts: readonly string[]): string {
	const hash = createHash("sha256");
	for (const text of texts) hash.update(`${text.length}:${text}`);
	return hash.digest("hex");
}

/** The nearest postcheck.yaml or .postcheck.yaml in the folder or its parents. */
export function findConfig(start: string): string | undefined {
	return findUp(start, CONFIG_NAMES);
}

/** The first of `names` found in the folder or its parents, nearest first. */
export function findUp(start: string, names: readonly string[]): string | undefined {
	let folder = resolve(start);
	for (;;) {
		for (const name of names) {
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
		throw new UserError(`${what} file: ${describeFileError(error)}`, { file });
	}
}

/** Paths in messages are relative to where the user ran postcheck, when that is shorter. */
function shown(cwd: string, file: string): string {
	const path = relative(cwd, file);
	return path && path.length < file.length ? path : file;
}
