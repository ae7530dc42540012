import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Allow, type Config, ConfigSchema } from "../contracts/config.js";
import type { PlatformName, TermList } from "../contracts/pack.js";
import { type Location, UserError } from "../errors.js";
import { allowEntriesFor } from "../findings/allow.js";
import { type CompiledRule, compilePacks, type LoadedPack } from "../packs/compile.js";
import { extendPack, withoutReplaced } from "../packs/extend.js";
import { checkRuleOverrides, parseConfig, parseLexicons, parsePack } from "../packs/load.js";
import { type Placeholders, placeholdersFor } from "../packs/placeholders.js";
import { resolveVocabulary } from "../packs/vocabulary.js";
import { locateInYaml } from "../packs/yaml.js";
import { describeFileError } from "./file-errors.js";
import { STDIN_PATH } from "./inputs.js";

/** The folder of built-in packs shipped with postcheck. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
const SHARED_LEXICONS = "lexicons.yaml";
/** `extends: tone` names a built-in pack; anything else is a file. */
const BUILTIN_PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The file names of the organisation config, searched in this order. */
export const CONFIG_NAMES = ["postcheck.yaml", ".postcheck.yaml"];

/** Everything a run needs, loaded once and shared by every draft. */
export interface Setup {
	config: Config;
	configFile?: string;
	/** The config's own packs, as absolute paths. */
	packFiles: string[];
	rules: CompiledRule[];
	/** The rules as of another publication day or for another platform (a draft's own); compiled once for each. */
	rulesFor: (date: string, platform?: PlatformName) => CompiledRule[];
	placeholders: Placeholders;
	/** sha256 of everything loaded (config, packs, shared word lists): changes whenever results could. */
	fingerprint: () => string;
	/** The packs as loaded, before compiling (for `postcheck packs list` and `explain`). */
	packs: LoadedPack[];
}

export interface SetupOptions {
	cwd: string;
	/** Where the search for postcheck.yaml starts (default: cwd). */
	searchFrom?: string;
	configPath?: string;
	packPaths: string[];
	/** The publication day, YYYY-MM-DD. */
	date: string;
	/** `--platform`: turns on the rules for that platform (the platform pack); `all` for listing every rule. */
	platform?: PlatformName | "all";
}

/** Finds and loads the config, loads built-in, config and command-line packs, and compiles them. */
export function loadSetup(options: SetupOptions): Setup {
	const { config, configFile, configText } = loadConfig(options.cwd, options.configPath, options.searchFrom);
	const configEntry = (index: number) => () =>
		locateInYaml(configText ?? "", shown(options.cwd, configFile as string), ["packs", index]);
	const packs = withoutReplaced([
		...builtinPackFiles().map((file) => loadPackFile(file, options.cwd)),
		...configPackFiles(config, configFile).map((file, index) =>
			loadPackFile(file, options.cwd, { entry: configEntry(index) }),
		),
		...options.packPaths.map((path) => loadPackFile(resolve(options.cwd, path), options.cwd)),
	]);
	if (configFile && configText !== undefined)
		checkRuleOverrides(config, packs, shown(options.cwd, configFile), configText);
	const sharedLexicons = loadSharedLexicons(options.cwd);
	const compiled = new Map<string, CompiledRule[]>();
	const rulesFor = (date: string, platform: PlatformName | "all" | undefined = options.platform) => {
		const key = `${date} ${platform ?? ""}`;
		const cached = compiled.get(key);
		if (cached) return cached;
		const vocabulary = resolveVocabulary(config, date);
		const rules = compilePacks(packs, { config, vocabulary, sharedLexicons, date, platform });
		compiled.set(key, rules);
		return rules;
	};
	// The parsed packs (an extending pack with its base flattened in) and word lists: what results depend on. Only the
	// cache asks, so a run without one does not pay for hashing them.
	const fingerprint = () => hashAll([configText ?? "", JSON.stringify(sharedLexicons), JSON.stringify(packs)]);
	return {
		config,
		configFile,
		packFiles: configPackFiles(config, configFile),
		rules: rulesFor(options.date),
		rulesFor,
		placeholders: placeholdersFor(resolveVocabulary(config, options.date)),
		fingerprint,
		packs,
	};
}

function hashAll(texts: readonly string[]): string {
	const hash = createHash("sha256");
	for (const text of texts) hash.update(`${text.length}:${text}`);
	return hash.digest("hex");
}

/** The config given with `--config`, else the nearest one; without either, the defaults. */
export function loadConfig(
	cwd: string,
	configPath?: string,
	searchFrom?: string,
): { config: Config; configFile?: string; configText?: string } {
	const configFile = configPath ? resolve(cwd, configPath) : findConfig(searchFrom ?? cwd);
	if (!configFile) return { config: ConfigSchema.parse({}) };
	const configText = readUserFile(configFile, "config");
	return { config: parseConfig(configText, shown(cwd, configFile)), configFile, configText };
}

/** The packs a run uses: the built-in ones, the config's and the command line's. */
export function defaultPackFiles(
	config: Config,
	configFile: string | undefined,
	options: Pick<SetupOptions, "cwd" | "packPaths">,
): string[] {
	return [
		...builtinPackFiles(),
		...configPackFiles(config, configFile),
		...options.packPaths.map((path) => resolve(options.cwd, path)),
	];
}

function configPackFiles(config: Config, configFile: string | undefined): string[] {
	return config.packs.map((path) => resolve(dirname(configFile as string), path));
}

/** Reads and validates one pack file, and the packs it extends (a built-in pack id, or a file relative to it). */
export function loadPackFile(
	file: string,
	cwd: string,
	options: { entry?: () => Location; extending?: readonly string[] } = {},
): LoadedPack {
	const text = options.entry ? readConfigPack(file, options.entry) : readUserFile(file, "pack");
	// Built-in packs are reviewed by hand; only the organisation's own have their regular expressions checked.
	const loaded = parsePack(text, shown(cwd, file), { trusted: file.startsWith(BUILTIN_RULES_DIR) });
	const extending = options.extending ?? [];
	const base = loaded.pack.extends;
	if (base === undefined) return loaded;
	const baseFile = BUILTIN_PACK_ID.test(base) ? join(BUILTIN_RULES_DIR, `${base}.yaml`) : resolve(dirname(file), base);
	if (BUILTIN_PACK_ID.test(base) && !existsSync(baseFile)) {
		const known = builtinPackFiles().map((path) => basename(path, ".yaml"));
		throw new UserError(`extends: no built-in pack "${base}" (built-in: ${known.join(", ")})`, { file: loaded.file });
	}
	if ([...extending, file].includes(baseFile))
		throw new UserError(`extends: "${base}" extends this pack again (a cycle)`, { file: loaded.file });
	const parent = loadPackFile(baseFile, cwd, { extending: [...extending, file] });
	const testConfig = parent.pack.test?.config && resolve(dirname(baseFile), parent.pack.test.config);
	return extendPack(parent, loaded, testConfig);
}

/** The word lists every pack can use (rules/lexicons.yaml). */
export function loadSharedLexicons(cwd: string): Record<string, TermList> {
	const sharedFile = join(BUILTIN_RULES_DIR, SHARED_LEXICONS);
	return parseLexicons(readFileSync(sharedFile, "utf8"), shown(cwd, sharedFile));
}

/** The config's `allow:` entries for a draft, by its path as shown (relative to `cwd`, or `<stdin>`). */
export function allowedFor(setup: Setup, cwd: string, path: string): Allow[] {
	if (path === STDIN_PATH) return allowEntriesFor(setup.config.allow, undefined);
	const base = setup.configFile ? dirname(setup.configFile) : cwd;
	return allowEntriesFor(setup.config.allow, relative(base, resolve(cwd, path)).split(sep).join("/"));
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

/** The built-in packs' files, in a stable order. */
export function builtinPackFiles(): string[] {
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

/** Reads a config or pack file; a missing or unreadable one is a UserError naming it. */
export function readUserFile(file: string, what: string): string {
	try {
		return readFileSync(file, "utf8");
	} catch (error) {
		throw new UserError(`${what} file: ${describeFileError(error)}`, { file });
	}
}

/** Paths in messages are relative to where the user ran postcheck, when that is shorter. */
export function shown(cwd: string, file: string): string {
	const path = relative(cwd, file);
	return path && path.length < file.length ? path : file;
}
