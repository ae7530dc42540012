import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../errors.js";

/**
 * Writes the formatted report to `--output FILE` (creating its folder, as ESLint does). Refuses to write over one of
 * the drafts being checked, so a slip in the command line cannot destroy what the user wrote.
 */
export function writeReportFile(file: string, report: string, cwd: string, draftPaths: readonly string[]): void {
	const target = resolve(cwd, file);
	if (draftPaths.some((path) => resolve(cwd, path) === target))
		throw new UserError("--output would overwrite a draft being checked; choose another file", { file });
	try {
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, report);
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new UserError(`cannot write the report (${describeWriteError(reason)})`, { file });
	}
}

/** Why a file could not be written, in the words a user understands. */
export function describeWriteError(code: string): string {
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
