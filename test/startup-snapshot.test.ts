import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT, runCli } from "./helpers/cli.js";

const DRAFT = `${ROOT}fixtures/example/draft.txt`;
const EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];

/** Enough drafts for the batch to go to worker threads (past 200). */
function batchFile(): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-snapshot-"));
	const file = join(folder, "drafts.jsonl");
	const lines = Array.from({ length: 260 }, (_, index) =>
		JSON.stringify({
			id: `d${index}`,
			text:
				index % 2 ? `Those idiots at Globex, draft ${index}!!!` : `De brand was vast brandstichting, bericht ${index}.`,
		}),
	);
	writeFileSync(file, `${lines.join("\n")}\n`);
	return file;
}

describe("bin/postcheck and its startup snapshot", () => {
	it("is built by the build, for this folder and this Node.js, with its workers' bundle", () => {
		expect(existsSync(`${ROOT}dist/snapshot/postcheck.blob`)).toBe(true);
		expect(existsSync(`${ROOT}dist/snapshot/check-worker.cjs`)).toBe(true);
	});

	it("does not load NODE_EXTRA_CA_CERTS, which Node.js reads at start and postcheck never needs", () => {
		const broken = { NODE_EXTRA_CA_CERTS: join(tmpdir(), "postcheck-no-such-certificates.pem") };
		expect(runCli(["--version"], { env: broken, via: "modules" }).stderr).toMatch(/extra certs/);
		expect(runCli(["--version"], { env: broken })).toEqual(runCli(["--version"]));
	});

	const cases: [string, string[], string?][] = [
		["the example draft, pretty", [...EXAMPLE, DRAFT]],
		["the example draft, JSON", [...EXAMPLE, "--format", "json", DRAFT]],
		["the example draft, SARIF", [...EXAMPLE, "--format", "sarif", DRAFT]],
		[
			"a draft on stdin, in Dutch",
			["--format", "json"],
			"De brand in de fabriek was vast brandstichting, zeker weten!",
		],
		["a pack listing", ["packs", "list"]],
		["a rule explained", ["explain", "tone/insult"]],
		["a usage error", ["--format", "nope", DRAFT]],
		["a missing file", [...EXAMPLE, "missing.txt"]],
		["a glob", [...EXAMPLE, "--format", "json", "fixtures/example/*.txt"]],
		["a batch checked by worker threads", ["--format", "json", "--concurrency", "2"]],
	];
	it.each(cases)("gives the same bytes and exit code as the plain modules: %s", (_name, args, input) => {
		const fullArgs = args.length === 2 && args[1] === "2" ? [...args, batchFile()] : args;
		const command = runCli(fullArgs, { input });
		const modules = runCli(fullArgs, { input, via: "modules" });
		expect(command).toEqual(modules);
		expect(command.stdout.length + command.stderr.length).toBeGreaterThan(0);
	});
});
