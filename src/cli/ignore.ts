import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import { findUp } from "./setup.js";

/** Whether a file or folder (absolute path) is to be skipped. */
export type IgnoreFilter = (path: string, isFolder: boolean) => boolean;

export const IGNORE_FILE = ".postcheckignore";
export const NO_IGNORE: IgnoreFilter = () => false;

/**
 * The nearest `.postcheckignore` in the working folder or its parents, in gitignore syntax, relative to its own
 * folder (as ESLint's .eslintignore was). Paths outside that folder are never ignored.
 */
export function loadIgnoreFile(cwd: string): IgnoreFilter {
	const file = findUp(cwd, [IGNORE_FILE]);
	if (!file) return NO_IGNORE;
	const root = dirname(file);
	const matcher = ignore().add(readFileSync(file, "utf8"));
	return (path, isFolder) => {
		const inside = relative(root, path);
		if (inside === "" || inside.startsWith("..") || resolve(root, inside) !== path) return false;
		const posix = inside.split(sep).join("/");
		return matcher.ignores(isFolder ? `${posix}/` : posix);
	};
}
