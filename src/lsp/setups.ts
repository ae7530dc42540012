import { basename, resolve } from "node:path";
import { CONFIG_NAMES, findConfig, loadSetup, type Setup } from "../cli/setup.js";
import { UserError } from "../errors.js";

/** The compiled rules for a folder, or why its config could not be loaded. */
export type LoadedSetup = { setup: Setup } | { error: UserError; file: string };

interface Entry {
	loaded: LoadedSetup;
	/** Files whose change makes this entry stale: the config, its packs, the file an error points into. */
	files: Set<string>;
}

/**
 * Compiled rules per config file and publication day, loaded once and reused for every keystroke until a watched
 * file changes. A broken config is cached too, so it is reported once per change rather than re-read per edit.
 */
export class SetupCache {
	private readonly entries = new Map<string, Entry>();
	private readonly configOfFolder = new Map<string, string | undefined>();

	/** The setup for a draft in `folder`, published on `date`. */
	forFolder(folder: string, date: string): LoadedSetup {
		if (!this.configOfFolder.has(folder)) this.configOfFolder.set(folder, findConfig(folder));
		const configFile = this.configOfFolder.get(folder);
		const key = `${configFile ?? ""}\n${date}`;
		let entry = this.entries.get(key);
		if (!entry) {
			entry = load(configFile, folder, date);
			this.entries.set(key, entry);
		}
		return entry.loaded;
	}

	/**
	 * Forgets what the changed files affect; true when anything was forgotten. A new or deleted config file can change
	 * which config any folder uses, so it clears everything.
	 */
	invalidate(changedFiles: readonly string[]): boolean {
		if (changedFiles.some((file) => CONFIG_NAMES.includes(basename(file)))) {
			const had = this.entries.size > 0 || this.configOfFolder.size > 0;
			this.entries.clear();
			this.configOfFolder.clear();
			return had;
		}
		let changed = false;
		for (const [key, entry] of this.entries) {
			if (changedFiles.some((file) => entry.files.has(file))) {
				this.entries.delete(key);
				changed = true;
			}
		}
		return changed;
	}
}

function load(configFile: string | undefined, folder: string, date: string): Entry {
	const cwd = configFile ? resolve(configFile, "..") : folder;
	const files = new Set(configFile ? [configFile] : []);
	try {
		const setup = loadSetup({ cwd, configPath: configFile, packPaths: [], date });
		for (const file of setup.packFiles) files.add(file);
		return { loaded: { setup }, files };
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		const file = resolve(cwd, error.location?.file ?? configFile ?? folder);
		files.add(file);
		return { loaded: { error, file }, files };
	}
}
