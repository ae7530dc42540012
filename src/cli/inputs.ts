import { closeSync, type Dirent, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { decodeChunks, decodeText, decodingWarnings, detectEncoding, ENCODING_HEAD_BYTES } from "../input/decode.js";
import { DRAFT_FORMATS, type DraftText, draftFormatOf, STREAMED_FORMATS } from "../input/split.js";
import { describeFileError } from "./file-errors.js";
import { type IgnoreFilter, NO_IGNORE } from "./ignore.js";

/** A draft file to check, or why it could not be read. */
export type DraftInput = { path: string; text: DraftText; warnings: string[] } | { path: string; error: string };

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

/** How much of a file is read at a time when it is read in chunks. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads and decodes one file; the path in the result is relative to the working folder. A JSON Lines or CSV file
 * larger than a chunk is decoded as its drafts are read (`chunkBytes` at a time), so a batch of any size is never
 * held whole; it is read once beforehand to check its UTF-8, so a warning comes before the drafts, as for any file.
 */
export function readDraftFile(file: string, cwd: string, chunkBytes = CHUNK_BYTES): DraftInput {
	const path = relative(cwd, file) || file;
	try {
		const stat = statSync(file);
		if (!stat.isFile()) return { path, error: "not a regular file" };
		if (stat.size <= chunkBytes || !STREAMED_FORMATS.has(draftFormatOf(file))) {
			const decoded = decodeText(readFileSync(file));
			return decoded ? { path, ...decoded } : { path, error: BINARY_FILE };
		}
		const [head = new Uint8Array(0)] = readChunks(file, ENCODING_HEAD_BYTES);
		const encoding = detectEncoding(head);
		if (!encoding) return { path, error: BINARY_FILE };
		const warnings = decodingWarnings(readChunks(file, chunkBytes), encoding);
		return { path, text: decodeChunks(readChunks(file, chunkBytes), encoding), warnings };
	} catch (error) {
		return { path, error: describeFileError(error) };
	}
}

/**
 * A file's bytes, `size` at a time (the last chunk may be shorter), each read when it is asked for into the same
 * buffer, so a chunk holds until the next is asked for. A buffer per chunk left the C heap fragmented: 16 times the
 * benchmark batch peaked 20 MB higher.
 */
function* readChunks(file: string, size: number): Generator<Uint8Array> {
	const descriptor = openSync(file, "r");
	const chunk = Buffer.allocUnsafe(size);
	try {
		for (;;) {
			const length = readSync(descriptor, chunk, 0, size, null);
			if (length === 0) return;
			yield chunk.subarray(0, length);
		}
	} finally {
		closeSync(descriptor);
	}
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
