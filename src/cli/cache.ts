import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { Language } from "../contracts/config.js";
import { FindingSchema } from "../contracts/report.js";
import type { CheckJob, CheckResult } from "./check-job.js";

/** The default `--cache-location`, in the working folder (as `.eslintcache`). */
export const DEFAULT_CACHE_FILE = ".postcheckcache";

const CacheFileSchema = z.object({
	version: z.literal(1),
	/** Hash of postcheck's version, the config, the packs and the options that change results. */
	run: z.string(),
	/** Results by the hash of a draft's text, date and language setting. Never the text itself. */
	drafts: z.record(z.string(), z.object({ language: Language, findings: z.array(FindingSchema) })),
});

/**
 * Results of the last run, by content hash: a draft whose text, date and language setting are unchanged, under the
 * same postcheck version, config, packs and options, is not checked again. Holds hashes and findings only; the file
 * keeps the drafts of the latest run, so it does not grow with drafts that are gone.
 */
export class DraftCache {
	private readonly used = new Map<string, CheckResult>();

	private constructor(
		private readonly file: string,
		private readonly run: string,
		private readonly previous: ReadonlyMap<string, CheckResult>,
	) {}

	/** Opens the cache file; a missing, unreadable or outdated one starts empty. */
	static open(file: string, runParts: readonly string[]): DraftCache {
		const run = sha256(runParts.join("\0"));
		let previous = new Map<string, CheckResult>();
		try {
			const parsed = CacheFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
			if (parsed.success && parsed.data.run === run) previous = new Map(Object.entries(parsed.data.drafts));
		} catch {
			// No cache yet, or not one we can read: every draft is checked and the file rewritten.
		}
		return new DraftCache(file, run, previous);
	}

	/** The key of a job: its text, publication day, language setting and platform. */
	keyOf(job: CheckJob): string {
		return sha256(`${job.date}\0${job.lang}\0${job.platform ?? ""}\0${job.path}\0${job.text}`);
	}

	/** The cached result, kept for the next run. */
	get(key: string): CheckResult | undefined {
		const result = this.previous.get(key);
		if (result) this.used.set(key, result);
		return result;
	}

	set(key: string, result: CheckResult): void {
		this.used.set(key, result);
	}

	/** Writes the results of this run, keys sorted, through a temporary file so a crash leaves the old one. */
	save(): void {
		const drafts = Object.fromEntries([...this.used.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, `${JSON.stringify({ version: 1, run: this.run, drafts })}\n`);
		renameSync(temporary, this.file);
	}
}

function sha256(text: string): string {
	return createHash("sha256").update(text).digest("hex");
}
