import { type Dirent, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { decodeText } from "../input/decode.js";

/** A draft to check, or why it could not be read. */
export type DraftInput = { path: string; text: string; warnings: string[] } | { path: string; error: string };

export const STDIN_PATH = "<stdin>";
const DRAFT_EXTENSIONS = [".txt", ".md", ".markdown"];
const SKIPPED_FOLDERS = new Set(["node_modules"]);

/** Expands the command-line paths (files, folders, globs) into a sorted, de-duplicated list of files or errors. */
export async function expandPaths(
	paths: readonly string[],
	cwd: string,
): Promise<({ file: string } | { path: string; error: string })[]> {
	const found: ({ file: string } | { path: string; error: string })[] = [];
	for (const path of paths) {
		const absolute = resolve(cwd, path);
		const stat = statOrUndefined(absolute);
		if (stat?.isDirectory()) {
			walkFolder(absolute, found, cwd);
		} else if (stat) {
			found.push({ file: absolute });
		} else if (isDynamicPattern(path)) {
			const files = await glob(path, { cwd, absolute: true, ignore: ["**/node_modules/**"], dot: false });
			if (files.length === 0) found.push({ path, error: "no files match this pattern" });
			for (const file of files.sort()) found.push({ file });
		} else {
			found.push({ path, error: isDanglingLink(absolute) ? "broken symbolic link" : "no such file or folder" });
		}
	}
	const seen = new Set<string>();
	return found.filter((entry) => !("file" in entry) || (!seen.has(entry.file) && seen.add(entry.file)));
}

function walkFolder(folder: string, found: ({ file: string } | { path: string; error: string })[], cwd: string): void {
	let entries: Dirent[];
	try {
		entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === "EACCES" ? "permission denied" : `cannot be read (${code})`;
		found.push({ path: relative(cwd, folder) || folder, error: `folder ${reason}` });
		return;
	}
	for (const entry of entries) {
		if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
		const path = join(folder, entry.name);
		if (entry.isDirectory()) walkFolder(path, found, cwd);
		else if (entry.isFile() && DRAFT_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension)))
			found.push({ file: path });
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
		const code = (error as NodeJS.ErrnoException).code;
		return {
			path,
			error: code === "EACCES" ? "permission denied" : code === "ENOENT" ? "no such file" : `cannot be read (${code})`,
		};
	}
	const decoded = decodeText(bytes);
	if (!decoded) return { path, error: "binary file, not a text draft" };
	return { path, ...decoded };
}

/** Reads standard input to the end. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<DraftInput> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	const decoded = decodeText(Buffer.concat(chunks));
	if (!decoded) return { path: STDIN_PATH, error: "binary input, not a text draft" };
	return { path: STDIN_PATH, ...decoded };
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
