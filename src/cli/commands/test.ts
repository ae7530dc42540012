import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Config } from "../../contracts/config.js";
import { UserError } from "../../errors.js";
import { withoutReplaced } from "../../packs/extend.js";
import { type PackTestSuite, runPackTests } from "../../packs/test-runner.js";
import { formatTestResults, testsFailed } from "../../report/test-results.js";
import { parseDate } from "../options.js";
import { defaultPackFiles, loadConfig, loadPackFile, loadSharedLexicons } from "../setup.js";
import { today } from "../today.js";
import { type CommandBuilder, newCommand } from "./index.js";

interface TestOptions {
	config?: string;
	pack: string[];
	date: string;
	coverage: boolean;
}

/** `postcheck test [packs...]`: runs the packs' examples and tests, prints a pass/fail table, exits 1 on a failure. */
export const testCommand: CommandBuilder = (exit) =>
	newCommand("test")
		.description(
			"run every rule's examples (bad must fire the rule, good must not) and tests; default: the built-in packs and the config's",
		)
		.argument("[packs...]", "pack files to test")
		.option("-c, --config <file>", "organisation config for packs that name none (default: the nearest postcheck.yaml)")
		.option("-p, --pack <file>", "extra pack, with the default ones (repeatable)", collect, [])
		.option("-d, --date <YYYY-MM-DD>", "publication day for packs that name none (default: today)", parseDate, today())
		.option("--coverage", "also fail rules without examples or tests", false)
		.action((packs: string[], options: TestOptions) => {
			const cwd = process.cwd();
			const { config, configFile } = loadConfig(cwd, options.config);
			const files =
				packs.length > 0
					? packs.map((path) => resolve(cwd, path))
					: defaultPackFiles(config, configFile, { cwd, packPaths: options.pack });
			const suites = loadPackTestSuites(files, { cwd, config, date: options.date });
			const results = suites.flatMap(runPackTests);
			process.stdout.write(formatTestResults(results, { coverage: options.coverage }));
			exit(testsFailed(results, options.coverage) ? 1 : 0);
		});

/**
 * Loads pack files into test suites: a pack's `test: { config, date }` (relative to the pack) wins over the run's
 * config and date, so the built-in packs are tested against the example organisation they are written for.
 */
export function loadPackTestSuites(
	files: readonly string[],
	run: { cwd: string; config: Config; date: string },
): PackTestSuite[] {
	const suites = new Map<string, PackTestSuite>();
	const configs = new Map<string, Config>();
	const sharedLexicons = loadSharedLexicons(run.cwd);
	const loaded = files.map((file) => ({ file, pack: loadPackFile(file, run.cwd) }));
	const kept = new Set(withoutReplaced(loaded.map(({ pack }) => pack)));
	for (const { file, pack } of loaded) {
		if (!kept.has(pack)) continue;
		const declared = pack.pack.test;
		const configFile = declared?.config ? resolve(dirname(file), declared.config) : undefined;
		let config = run.config;
		if (configFile && !existsSync(configFile))
			throw new UserError(`test.config: no such file "${declared?.config}"`, { file: pack.file });
		if (configFile) {
			config = configs.get(configFile) ?? loadConfig(run.cwd, configFile).config;
			configs.set(configFile, config);
		}
		const date = declared?.date ?? run.date;
		const key = `${configFile ?? ""}\n${date}`;
		const suite = suites.get(key) ?? { packs: [], config, date, sharedLexicons };
		suite.packs.push(pack);
		suites.set(key, suite);
	}
	return [...suites.values()];
}

function collect(value: string, previous: string[]): string[] {
	return [...previous, value];
}
