import { checkDraft } from "../check.js";
import type { Language } from "../contracts/config.js";
import type { PlatformName } from "../contracts/pack.js";
import type { Finding, SuppressedFinding } from "../contracts/report.js";
import { detectLanguage } from "../document/language.js";
import { allowedFor, type Setup } from "./setup.js";

/** One draft to check, as sent to a worker: plain data. */
export interface CheckJob {
	text: string;
	/** The draft's path as shown: `allow:` entries with `paths` depend on it. */
	path: string;
	/** The publication day: the draft's own `date`, or `--date`. */
	date: string;
	/** The draft's own `lang`, `--lang`, or `auto` to detect it. */
	lang: Language | "auto";
	/** The draft's own `platform`: whose limits apply, instead of `--platform`'s. */
	platform?: PlatformName;
}

/** What checking one draft gives; spans are offsets into the draft's text. */
export interface CheckResult {
	language: Language;
	findings: Finding[];
	/** Findings a suppression directive or an `allow:` entry silenced. */
	suppressed?: SuppressedFinding[];
	/** Rules left out because the draft ran over the time budget; such a result is incomplete. */
	skippedRules?: string[];
}

/** Options of a run that change what a draft's check gives (and so are part of the cache key). */
export interface ResultOptions {
	minScore?: number;
	quiet: boolean;
	/** The language messages are written in. */
	locale: Language;
	/** Seconds the rules may take per draft (per megabyte of a longer one); unlimited when left out. */
	timeBudget?: number;
}

/** The one way a draft is checked, in the main thread and in workers alike. */
export function createJobChecker(setup: Setup, options: ResultOptions): (job: CheckJob) => CheckResult {
	return (job) => {
		const language = job.lang === "auto" ? detectLanguage(job.text, setup.config.language) : job.lang;
		let skippedRules: string[] | undefined;
		const { findings, suppressed } = checkDraft(job.text, language, setup.rulesFor(job.date, job.platform), {
			minScore: options.minScore,
			placeholders: setup.placeholders,
			locale: options.locale,
			timeBudgetMs: options.timeBudget === undefined ? undefined : options.timeBudget * 1000,
			onOverBudget: (skipped) => {
				skippedRules = skipped;
			},
			allow: allowedFor(setup, process.cwd(), job.path),
		});
		const shown = findings.filter((finding) => !options.quiet || finding.severity === "error");
		return {
			language,
			findings: shown,
			...(suppressed.length > 0 ? { suppressed } : {}),
			...(skippedRules ? { skippedRules } : {}),
		};
	};
}
