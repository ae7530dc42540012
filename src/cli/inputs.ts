import { type Dirent, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { decodeText } from "../input/decode.js";
import { DRAFT_FORMATS } from "../input/split.js";
import { describeFileError } from "./file-errors.js";
import { type IgnoreFilter, NO_IGNORE } from "./ignore.js";

/** A draft to check, or why it could not be read. */
export type DraftInput = { path: string; text: string; warnings: string[] } | { path: string; error: string };

/** A file named on the command line, or one found in a folder or by a glob (`found`), or a path that is wrong. */
export type PathEntry = { file: string; found: boolean } | { path: string; error: string };

export const STDIN_PATH = "<stdin>";
/** Why a file is not a draft; a binary found in a folder or by a glob is skipped with a warning instead. */
export const BINARY_FILE = "binary file, not a text draft";
const DRAFT_EXTENSIONS = Object.keys(DRAFT_FORMATS);
const SKIPPED_FOLDERS = new Set(["node_modules"]);

/**
 * Expands the command-line paths (files, folders, globs) into a sorted, de-duplicated list of files or errors.
 * Folders and globs skip dotfiles, node_modules and what `.postcheckignore` lists; a file named outright is kept.
 */
export async function expandPaths(
	paths: readonly string[],
	cwd: string,
	ignored: IgnoreFilter = NO_IGNORE,
): Promise<PathEntry[]> {
	const found: PathEntry[] = [];
	for (const path of paths) {
		const absolute = resolve(cwd, path);
		const stat = statOrUndefined(absolute);
		if (stat?.isDirectory()) {
			walkFolder(absolute, ignored, found, cwd);
		} else if (stat) {
			found.push({ file: absolute, found: false });
		} else {
			found.push(...(await expandGlob(path, absolute, cwd, ignored)));
		}
	}
	const seen = new Set<string>();
	return found.filter((entry) => !("file" in entry) || (!seen.has(entry.file) && seen.add(entry.file)));
}

/**
 * A path that is neither file nor folder: a glob, or an error. The glob library is loaded only here, so that a run
 * without globs does not pay for it (and the startup snapshot does not hold it, see src/cli/snapshot.ts).
 */
async function expandGlob(path: string, absolute: string, cwd: string, ignored: IgnoreFilter): Promise<PathEntry[]> {
	const { glob, isDynamicPattern } = await import("tinyglobby");
	if (!isDynamicPattern(path))
		return [{ path, error: isDanglingLink(absolute) ? "broken symbolic link" : "no such file or folder" }];
	const files = await glob(path, { cwd, absolute: true, ignore: ["**/node_modules/**"], dot: false });
	const kept = files.filter((file) => !ignored(file, false)).sort();
	if (kept.length === 0) return [{ path, error: "no files match this pattern" }];
	return kept.map((file) => ({ file, found: true }));
}

/** Adds a folder's drafts to `found`; a folder that cannot be read is an error entry, and the walk goes on. */
function walkFolder(folder: string, ignored: IgnoreFilter, found: PathEntry[], cwd: string): void {
	let entries: Dirent[];
	try {
		entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
	} catch (error) {
		found.push({ path: relative(cwd, folder) || folder, error: `folder: ${describeFileError(error)}` });
		return;
	}
	for (const entry of entries) {
		if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
		const path = join(folder, entry.name);
		if (ignored(path, entry.isDirectory())) continue;
		if (entry.isDirectory()) walkFolder(path, ignored, found, cwd);
		else if (entry.isFile() && DRAFT_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension)))
			found.push({ file: path, found: true });
	}
}

/** Reads and decodes one file; the path in the result is relative to the working folder. */
export function readDraftFile(file: string, cwd: string): DraftInput {
	const path = relative(cwd, file) || file;
	let bytes: Buffer;
	try {
		if (!statSync(file).isFile()) return { path, error: "not a regular file" };
		bytes = readFileSync(file);
	} catch (error) {
		return { path, error: describeFileError(error) };
	}
	const decoded = decodeText(bytes);
	if (!decoded) return { path, error: BINARY_FILE };
	return { path, ...decoded };
}

/** Reads standard input to the end; `path` is the name it is reported under. */
export async function readStdin(stream: NodeJS.ReadableStream, path = STDIN_PATH): Promise<DraftInput> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	const decoded = decodeText(Buffer.concat(chunks));
	if (!decoded) return { path, error: "binary input, not a text draft" };
	return { path, ...decoded };
}

function statOrUndefined(path: string) {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

function isDanglingLink(path: string): boolean {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}
