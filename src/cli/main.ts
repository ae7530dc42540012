import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { check } from "../check.js";
import { IsoDate, type Language, type Severity } from "../contracts/config.js";
import type { JsonReport } from "../contracts/report.js";
import { detectLanguage } from "../document/language.js";
import { UserError } from "../errors.js";
import { FORMAT_NAMES, FORMATTERS, type FormatName } from "../report/formatters/index.js";
import { buildReport, type CheckedDraft } from "../report/report.js";
import { type DraftInput, expandPaths, readDraftFile, readStdin } from "./inputs.js";
import { loadSetup } from "./setup.js";

/** Exit codes, as documented in the README. */
export const EXIT = { clean: 0, findings: 1, userError: 2, bug: 3 } as const;
const DEFAULT_TIME_BUDGET_SECONDS = 10;

const FAIL_ON = ["error", "warning", "info", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

interface CliOptions {
	format: FormatName;
	config?: string;
	pack: string[];
	date: string;
	lang: Language | "auto";
	minScore?: number;
	failOn: FailOn;
	quiet: boolean;
	color: boolean;
	timeBudget: number;
}

const EXAMPLES = `
Examples:
  Check a tweet from the clipboard:     pbpaste | postcheck
  Check a draft file:                   postcheck draft.txt
  Check a folder of drafts in CI:       postcheck --format json --fail-on warning posts/
  From an editor (text on stdin):       postcheck --format json - < draft.txt

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config/pack/input error, 3 internal error; Ctrl-C stops at once (130).`;

function buildProgram(): Command {
	return new Command("postcheck")
		.description(
			"Check a social-media draft before you post it: confidential information, unreleased products,\nspeculation about incidents, tone, and a missing affiliation disclaimer.",
		)
		.argument("[paths...]", "files, folders (their .txt and .md files) or globs; none or - reads standard input")
		.addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("pretty"))
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
		.option("--min-score <n>", "drop findings scoring below n (0..1), instead of each rule's own threshold", parseScore)
		.addOption(
			new Option("--fail-on <severity>", "lowest severity that makes the exit code 1")
				.choices(FAIL_ON)
				.default("warning"),
		)
		.option("-q, --quiet", "report errors only", false)
		.option(
			"--time-budget <seconds>",
			"most time the rules may take per draft (per megabyte of a longer one)",
			parseSeconds,
			DEFAULT_TIME_BUDGET_SECONDS,
		)
		.option("--no-color", "no colours (also NO_COLOR=1; colours only on a terminal unless FORCE_COLOR is set)")
		.version(process.env.npm_package_version ?? "0.1.0", "-v, --version")
		.helpOption("-h, --help", "show this help")
		.addHelpText("after", EXAMPLES)
		.exitOverride()
		.configureOutput({ outputError: () => {} });
}

function parseDate(value: string): string {
	if (!IsoDate.safeParse(value).success)
		throw new InvalidArgumentError("expected a date as YYYY-MM-DD, e.g. 2027-01-15");
	return value;
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

function today(): string {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Runs the CLI and returns the exit code; only this module and bin/ touch the process. */
export async function main(argv: readonly string[]): Promise<number> {
	process.stdout.on("error", (error: NodeJS.ErrnoException) => {
		if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.clean);
	});
	const program = buildProgram();
	try {
		program.parse(argv);
	} catch (error) {
		if (error instanceof CommanderError) {
			if (error.exitCode === 0) return EXIT.clean;
			process.stderr.write(`postcheck: ${error.message.replace(/^error: /, "")} (see postcheck --help)\n`);
			return EXIT.userError;
		}
		throw error;
	}
	try {
		return await run(program.args, program.opts<CliOptions>());
	} catch (error) {
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
	const setup = loadSetup({ cwd, configPath: options.config, packPaths: options.pack, date: options.date });
	const inputs = await readInputs(paths, cwd);
	const drafts: CheckedDraft[] = [];
	let inputErrors = 0;
	for (const input of inputs) {
		if ("error" in input) {
			process.stderr.write(`postcheck: ${input.path}: ${input.error}\n`);
			inputErrors++;
			continue;
		}
		for (const warning of input.warnings) process.stderr.write(`postcheck: ${input.path}: warning: ${warning}\n`);
		const language = options.lang === "auto" ? detectLanguage(input.text, setup.config.language) : options.lang;
		const findings = check(input.text, language, setup.rules, {
			minScore: options.minScore,
			placeholders: setup.placeholders,
			timeBudgetMs: options.timeBudget * 1000,
			onOverBudget: (skipped) => warnOverBudget(input.path, options.timeBudget, skipped),
		}).filter((finding) => !options.quiet || finding.severity === "error");
		drafts.push({ path: input.path, language, text: input.text, findings });
	}
	const report = buildReport(drafts);
	const texts = new Map(drafts.map((draft) => [draft.path, draft.text]));
	process.stdout.write(FORMATTERS[options.format](report, { color: useColor(options.color), texts }));
	if (inputErrors > 0) return EXIT.userError;
	return failsAt(report, options.failOn) ? EXIT.findings : EXIT.clean;
}

async function readInputs(paths: string[], cwd: string): Promise<DraftInput[]> {
	const fromFiles = paths.filter((path) => path !== "-");
	const inputs: DraftInput[] = [];
	if (paths.length === 0 || paths.includes("-")) {
		if (process.stdin.isTTY)
			process.stderr.write("postcheck: reading a draft from standard input; end it with Ctrl-D\n");
		inputs.push(await readStdin(process.stdin));
	}
	for (const entry of await expandPaths(fromFiles, cwd)) {
		inputs.push("file" in entry ? readDraftFile(entry.file, cwd) : entry);
	}
	return inputs;
}

function warnOverBudget(path: string, seconds: number, skipped: string[]): void {
	const rules =
		skipped.length > 3 ? `${skipped.slice(0, 3).join(", ")} and ${skipped.length - 3} more` : skipped.join(", ");
	process.stderr.write(
		`postcheck: ${path}: warning: rules took longer than --time-budget ${seconds}s; skipped ${rules}\n`,
	);
}

function failsAt(report: JsonReport, failOn: FailOn): boolean {
	if (failOn === "never") return false;
	const threshold = SEVERITY_RANK[failOn];
	return report.files.some((file) => file.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold));
}

function useColor(flag: boolean): boolean {
	if (!flag || process.env.NO_COLOR) return false;
	const force = process.env.FORCE_COLOR;
	if (force !== undefined) return force !== "0" && force !== "false";
	return process.stdout.isTTY === true;
}
