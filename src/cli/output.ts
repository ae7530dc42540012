import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { FileReport, Summary } from "../contracts/report.js";
import { UserError } from "../errors.js";
import type { ReportParts, ShownText } from "../report/formatters/types.js";

/** Where the report goes: standard output or `--output FILE`. */
export interface ReportOutput {
	write(text: string): void;
	/** The report is whole: `--output FILE` takes its place now. */
	finish(): void;
	/** Always, last: a report not finished by then is dropped, and a file from an earlier run stays as it was. */
	close(): void;
}

/** Standard output. Node writes to a file, a pipe or a terminal synchronously on Linux, so parts never pile up. */
export const STANDARD_OUTPUT: ReportOutput = {
	write: (text) => {
		if (text !== "") process.stdout.write(text);
	},
	finish: () => {},
	close: () => {},
};

/** A report being written a draft at a time. */
export interface ReportStream {
	file(file: FileReport, shown: ShownText): void;
	end(summary: Summary): void;
	close(): void;
}

/** Writes a report's parts to `output` as they come: the head at once, each draft's part as soon as it is checked. */
export function writeInParts(parts: ReportParts, output: ReportOutput): ReportStream {
	output.write(parts.head());
	return {
		file: (file, shown) => output.write(parts.file(file, shown)),
		end: (summary) => {
			output.write(parts.tail(summary));
			output.finish();
		},
		close: () => output.close(),
	};
}

/**
 * Opens `--output FILE` for the report (creating its folder, as ESLint does). Refuses to write over one of the drafts
 * being checked, so a slip in the command line cannot destroy what the user wrote. The report is written beside the
 * file and moved into its place when finished, so a run that stops half-way leaves no half report behind.
 */
export function openReportFile(file: string, cwd: string, draftPaths: readonly string[]): ReportOutput {
	const target = resolve(cwd, file);
	if (draftPaths.some((path) => resolve(cwd, path) === target))
		throw new UserError("--output would overwrite a draft being checked; choose another file", { file });
	const partial = `${target}.${process.pid}.partial`;
	const descriptor = writeOrExplain("the report", file, () => {
		mkdirSync(dirname(target), { recursive: true });
		return openSync(partial, "w");
	});
	let open = true;
	const closeDescriptor = () => {
		if (open) closeSync(descriptor);
		open = false;
	};
	return {
		write: (text) => writeOrExplain("the report", file, () => writeAll(descriptor, text)),
		finish: () => {
			closeDescriptor();
			writeOrExplain("the report", file, () => renameSync(partial, target));
		},
		close: () => {
			closeDescriptor();
			rmSync(partial, { force: true });
		},
	};
}

/**
 * Runs `write`; a file postcheck writes that cannot be written (`what`, shown as `file`) is the user's to fix (a
 * read-only folder, a typo, a full disk): one line, exit code 2.
 */
export function writeOrExplain<Value>(what: string, file: string, write: () => Value): Value {
	try {
		return write();
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new UserError(`cannot write ${what} (${describeWriteError(reason)})`, { file });
	}
}

/** `writeSync` may write less than it is given; the rest follows until all of it is written. */
function writeAll(descriptor: number, text: string): void {
	const bytes = Buffer.from(text);
	for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written);
}

/** Why a file could not be written, in the words a user understands. */
function describeWriteError(code: string): string {
	const reasons: Record<string, string> = {
		EISDIR: "it is a folder",
		EACCES: "permission denied",
		EPERM: "permission denied",
		ENOTDIR: "a part of the path is a file, not a folder",
		EROFS: "read-only file system",
		ENOSPC: "no space left on the device",
	};
	return reasons[code] ?? code;
}
