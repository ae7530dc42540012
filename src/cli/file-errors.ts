/** Why a file could not be read, in the words a user understands. */
export function describeFileError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code ?? "";
	const reasons: Record<string, string> = {
		ENOENT: "no such file",
		EISDIR: "is a folder",
		EACCES: "permission denied",
		EPERM: "permission denied",
		ELOOP: "too many symbolic links",
	};
	return reasons[code] ?? `cannot be read (${code || String(error)})`;
}
