import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A fresh temporary folder holding the given files (paths relative to it; folders are created). */
export function folderWith(files: Record<string, string | Buffer> = {}): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-"));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(dirname(join(folder, name)), { recursive: true });
		writeFileSync(join(folder, name), content);
	}
	return folder;
}
