import { dirname, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Language, Severity } from "../contracts/config.js";
import { PlatformName } from "../contracts/pack.js";
import type { JsonReport } from "../contracts/report.js";
import { UserError } from "../errors.js";
import { parseShard, type Shard } from "../input/shard.js";
import {
	FORMAT_NAMES,
	FORMATTERS,
	type FormatName,
	isStreaming,
	STREAMING_FORMATTERS,
} from "../report/formatters/index.js";
import type { KeepTexts } from "./batch.js";
import { runBatch } from "./batch-run.js";
import type { Concurrency } from "./checker.js";
import { addCommands } from "./commands/index.js";
import { fixReportedDrafts } from "./fix.js";
import { parseDate } from "./options.js";
import { openReportFile, STANDARD_OUTPUT, writeInParts } from "./output.js";
import { loadSetup } from "./setup.js";
import { today } from "./today.js";
import { readVersion } from "./version.js";

/** Exit codes, as documented in the README. */
export const EXIT = { clean: 0, findings: 1, userError: 2, bug: 3 } as const;
const DEFAULT_TIME_BUDGET_SECONDS = 10;

const FAIL_ON = ["error", "warning", "info", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

interface CliOptions {
	format: FormatName;
	output?: string;
	config?: string;
	pack: string[];
	date: string;
	lang: Language | "auto";
	locale: Language;
	minScore?: number;
	failOn: FailOn;
	quiet: boolean;
	color: boolean;
	maxWarnings?: number;
	baseline?: string;
	updateBaseline: boolean;
	cache: boolean;
	cacheLocation?: string;
	shard?: Shard;
	concurrency: Concurrency;
	stdinFilename?: string;
	fix: boolean;
	fixDryRun: boolean;
	platform?: PlatformName;
}

/** The drafts' texts each format shows (kept until the end of a run); by default none. */
const TEXTS_SHOWN: Partial<Record<FormatName, KeepTexts>> = { pretty: "findings", html: "all" };

const EXAMPLES = `
Examples:
  Check a tweet from the clipboard:     pbpaste | postcheck
  Check a draft file:                   postcheck draft.txt
  Check a folder of drafts in CI:       postcheck --format json --fail-on warning posts/
  From an editor (text on stdin):       postcheck --format json - < draft.txt
  Test the packs' examples:             postcheck test
  Explain a rule:                       postcheck explain tone/insult

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config/pack/input error, 3 internal error; Ctrl-C stops at once (130).`;

function buildProgram(): Command {
	return new Command("postcheck")
		.description(
			"Check a social-media draft before you post it: confidential information, unreleased products,\nspeculation about incidents, tone, and a missing affiliation disclaimer.",
		)
		.argument("[paths...]", "files, folders (their .txt and .md files) or globs; none or - reads standard input")
		.addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("pretty"))
		.option("-o, --output <file>", "write the report to a file instead of standard output")
		.option("-c, --config <file>", "organisation config (default: nearest postcheck.yaml or .postcheck.yaml)")
		.option(
			"-p, --pack <file>",
			"extra rule pack (repeatable)",
			(value: string, previous: string[]) => [...previous, value],
			[],
		)
		.option(
			"-d, --date <YYYY-MM-DD>",
			"the day the post goes out; decides which products are unreleased",
			parseDate,
			today(),
		)
		.addOption(new Option("--lang <language>", "language of the drafts").choices(["en", "nl", "auto"]).default("auto"))
		.addOption(new Option("--locale <language>", "language of the messages").choices(["en", "nl"]).default("en"))
		.option("--min-score <n>", "drop findings scoring below n (0..1), instead of each rule's own threshold", parseScore)
		.addOption(
			new Option("--fail-on <severity>", "lowest severity that makes the exit code 1")
				.choices(FAIL_ON)
				.default("warning"),
		)
		.addOption(
			new Option("--platform <platform>", "check the platform's limits (length, links, hashtags)").choices(
				PlatformName.options,
			),
		)
		.option("-q, --quiet", "report errors only", false)
		.option("--fix", "apply the rules' safe fixes to the draft files, then report what is left", false)
		.option("--fix-dry-run", "print the fixes as a diff instead of the report; change nothing", false)
		.option(
			"--time-budget <seconds>",
			"most time the rules may take per draft (per megabyte of a longer one)",
			parseSeconds,
			DEFAULT_TIME_BUDGET_SECONDS,
		)
		.option("--max-warnings <n>", "exit 1 when there are more than n warnings (errors still fail)", parseCount)
		.option("--baseline <file>", "accept the findings recorded in this file; fail only on new ones")
		.option("--update-baseline", "record today's findings in the --baseline file", false)
		.option("--cache", "skip drafts unchanged since the last run (same text, config, packs, options)", false)
		.option("--cache-location <file>", "where --cache keeps its file (default: .postcheckcache)")
		.option(
			"--shard <i/n>",
			"check only the i-th of n deterministic parts of the drafts (CI matrices)",
			parseShardOption,
		)
		.option(
			"--concurrency <n>",
			"worker threads: auto (past 200 drafts, one per core besides the main thread), or a number (1: none)",
			parseConcurrency,
			"auto",
		)
		.option(
			"--stdin-filename <path>",
			"the file the text on standard input stands for: the config is found from its folder, findings name it",
		)
		.option("--no-color", "no colours (also NO_COLOR=1; colours only on a terminal unless FORCE_COLOR is set)")
		.version(readVersion(), "-v, --version")
		.helpOption("-h, --help", "show this help")
		.addHelpText("after", EXAMPLES)
		.exitOverride()
		.configureOutput({ outputError: () => {} });
}

function parseSeconds(value: string): number {
	const seconds = Number(value);
	if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0)
		throw new InvalidArgumentError("expected a number of seconds above 0");
	return seconds;
}

function parseScore(value: string): number {
	const score = Number(value);
	if (value.trim() === "" || !Number.isFinite(score) || score < 0 || score > 1)
		throw new InvalidArgumentError("expected a number from 0 to 1");
	return score;
}

function parseCount(value: string): number {
	if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("expected a whole number, 0 or more");
	return Number(value);
}

function parseShardOption(value: string): Shard {
	const shard = parseShard(value);
	if (!shard) throw new InvalidArgumentError("expected i/n with 1 <= i <= n, e.g. 2/4");
	return shard;
}

function parseConcurrency(value: string): Concurrency {
	if (value === "auto") return "auto";
	if (!/^\d+$/.test(value) || Number(value) < 1)
		throw new InvalidArgumentError('expected "auto" or a number, 1 or more');
	return Number(value);
}

/** Runs the CLI and returns the exit code; only this module and bin/ touch the process. */
export async function main(argv: readonly string[]): Promise<number> {
	process.stdout.on("error", (error: NodeJS.ErrnoException) => {
		if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.clean);
	});
	const program = buildProgram();
	let serve = false;
	let commandExit: number | undefined;
	program
		.command("lsp")
		.description("run the language server on stdin/stdout, for editors")
		.action(() => {
			serve = true;
		});
	// Options after a subcommand's name are the subcommand's own (`postcheck test --config x`).
	program.enablePositionalOptions();
	addCommands(program, (code) => {
		commandExit = code;
	});
	program.helpCommand(false).action(() => {});
	return guard(async () => {
		await program.parseAsync(argv);
		if (commandExit !== undefined) return commandExit;
		// Loaded only for `postcheck lsp`, so checking a draft does not pay for the protocol library.
		if (serve) return (await import("../lsp/server.js")).runLanguageServer();
		return run(program.args, program.opts<CliOptions>());
	});
}

/** Runs a command: a usage or user error becomes one line and exit code 2, anything else is a bug (3). */
async function guard(action: () => Promise<number>): Promise<number> {
	try {
		return await action();
	} catch (error) {
		if (error instanceof CommanderError) {
			// `postcheck packs` without a subcommand: commander has printed the help; it is still a usage error.
			if (error.code === "commander.help") return EXIT.userError;
			if (error.exitCode === 0) return EXIT.clean;
			process.stderr.write(`postcheck: ${error.message.replace(/^error: /, "")} (see postcheck --help)\n`);
			return EXIT.userError;
		}
		if (error instanceof UserError) {
			process.stderr.write(`postcheck: ${error.describe()}\n`);
			return EXIT.userError;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(
			`postcheck: internal error: ${message} (please report it; set POSTCHECK_DEBUG=1 for details)\n`,
		);
		if (process.env.POSTCHECK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
		return EXIT.bug;
	}
}

async function run(paths: string[], options: CliOptions): Promise<number> {
	const cwd = process.cwd();
	const { stdinFilename } = options;
	if (stdinFilename && paths.length > 0 && !paths.includes("-"))
		throw new UserError("--stdin-filename names the text on standard input: give no paths, or -");
	const searchFrom = stdinFilename ? dirname(resolve(cwd, stdinFilename)) : cwd;
	const setupOptions = {
		cwd,
		searchFrom,
		configPath: options.config,
		packPaths: options.pack,
		date: options.date,
		platform: options.platform,
	};
	const setup = loadSetup(setupOptions);
	const fixing = options.fix || options.fixDryRun;
	const { format, output } = options;
	const context = { color: output === undefined && useColor(options.color), version: readVersion() };
	const openOutput = (draftPaths: readonly string[]) =>
		output === undefined ? STANDARD_OUTPUT : openReportFile(output, cwd, draftPaths);
	const batch = () =>
		runBatch(paths, setupOptions, setup, {
			...options,
			keepTexts: fixing ? "all" : (TEXTS_SHOWN[format] ?? "none"),
			// Written a draft at a time, so memory does not grow with the report; --fix needs every draft's text.
			streamTo:
				isStreaming(format) && !fixing
					? (draftPaths) => writeInParts(STREAMING_FORMATTERS[format](context), openOutput(draftPaths))
					: undefined,
		});
	let { report, texts, regions, inputErrors, runLine, files, streamed } = await batch();
	let diffs: string[] = [];
	if (fixing) {
		const fixed = fixReportedDrafts(report, texts, setup.rules, { dryRun: options.fixDryRun, cwd, stdinFilename });
		for (const note of fixed.notes) process.stderr.write(`postcheck: ${note}\n`);
		diffs = fixed.diffs;
		// The report is about the drafts as fixed.
		if (fixed.changed) ({ report, texts, regions, inputErrors, runLine, files, streamed } = await batch());
	}
	if (!streamed) {
		const formatted = options.fixDryRun ? diffs.join("") : FORMATTERS[format](report, { ...context, texts, regions });
		const whole = openOutput(files);
		try {
			whole.write(formatted);
			whole.finish();
		} finally {
			whole.close();
		}
	}
	if (runLine) process.stderr.write(`postcheck: ${runLine}\n`);
	if (inputErrors > 0) return EXIT.userError;
	return failsAt(report, options.failOn, options.maxWarnings) ? EXIT.findings : EXIT.clean;
}

/** With --max-warnings, warnings and infos fail by their count only, as in ESLint; errors still fail on their own. */
function failsAt(report: JsonReport, failOn: FailOn, maxWarnings: number | undefined): boolean {
	if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return true;
	if (failOn === "never") return false;
	const threshold = Math.max(SEVERITY_RANK[failOn], maxWarnings === undefined ? 0 : SEVERITY_RANK.error);
	const { errors, warnings, infos } = report.summary;
	const counts: Record<Severity, number> = { error: errors, warning: warnings, info: infos };
	return (Object.keys(counts) as Severity[]).some(
		(severity) => SEVERITY_RANK[severity] >= threshold && counts[severity] > 0,
	);
}

function useColor(flag: boolean): boolean {
	if (!flag || process.env.NO_COLOR) return false;
	const force = process.env.FORCE_COLOR;
	if (force !== undefined) return force !== "0" && force !== "false";
	return process.stdout.isTTY === true;
}
