import { readFileSync } from "node:fs";

/**
 * postcheck's version, from its own package.json (two folders up from `dist/cli/`). Not `npm_package_version`: inside
 * another project's npm script that is the other project's version.
 */
export function readVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
		version: string;
	};
	return manifest.version;
}
