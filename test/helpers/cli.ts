import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The CLI as plain modules. */
export const BIN = `${ROOT}bin/postcheck.js`;
/** The command users run: the startup snapshot when the build made one, else the same as BIN. */
export const COMMAND = `${ROOT}bin/postcheck`;
export const EXAMPLE_CONFIG = `${ROOT}fixtures/example/postcheck.yaml`;
/** The publication day the example config and pack examples are written for. */
export const EXAMPLE_DATE = "2026-11-22";

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the built CLI as a user would (`bin/postcheck`, or `via: "modules"` for bin/postcheck.js), colours off. */
export function runCli(
	args: string[],
	options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv; via?: "command" | "modules" } = {},
): CliResult {
	const [file, ...prefix] = options.via === "modules" ? [process.execPath, BIN] : [COMMAND];
	const result = spawnSync(file as string, [...prefix, ...args], {
		input: options.input ?? "",
		cwd: options.cwd ?? ROOT,
		env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
		encoding: "utf8",
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
