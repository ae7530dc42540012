import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonReportSchema } from "../src/contracts/report.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";

/** A workspace whose config sits in a subfolder, away from the folder postcheck runs in. */
function workspace(): string {
	const root = mkdtempSync(join(tmpdir(), "postcheck-stdin-"));
	mkdirSync(join(root, "team", "posts"), { recursive: true });
	copyFileSync(EXAMPLE_CONFIG, join(root, "team", "postcheck.yaml"));
	return root;
}

function ruleIdsAndPath(args: string[], cwd: string) {
	const result = runCli(["--format", "json", "--date", EXAMPLE_DATE, ...args], {
		input: "We just signed Globex!",
		cwd,
	});
	const file = JsonReportSchema.parse(JSON.parse(result.stdout)).files[0];
	return { status: result.status, path: file?.path, ruleIds: file?.findings.map((finding) => finding.ruleId) };
}

describe("--stdin-filename", () => {
	it("finds the config from the named file's folder, not the working folder, and reports that path", () => {
		const root = workspace();
		const named = ruleIdsAndPath(["--stdin-filename", "team/posts/draft.txt"], root);
		expect(named).toMatchObject({ status: 1, path: "team/posts/draft.txt" });
		expect(named.ruleIds).toContain("confidential/nda-client");
		const unnamed = ruleIdsAndPath([], root);
		expect(unnamed).toEqual({ status: 0, path: "<stdin>", ruleIds: [] });
	});

	it("is a usage error when standard input is not read", () => {
		const result = runCli(["--stdin-filename", "a.txt", "fixtures/example/draft.txt"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe("postcheck: --stdin-filename names the text on standard input: give no paths, or -\n");
	});

	it("leaves an explicit --config in charge", () => {
		const root = workspace();
		const result = ruleIdsAndPath(["--stdin-filename", "elsewhere/draft.txt", "--config", EXAMPLE_CONFIG], root);
		expect(result.ruleIds).toContain("confidential/nda-client");
		expect(result.path).toBe("elsewhere/draft.txt");
	});
});
