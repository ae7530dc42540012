import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openReportFile } from "../src/cli/output.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";

const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];
const DRAFT = "We just signed Globex!";

describe("--output FILE", () => {
	it("writes the report to the file, creating its folder, prints nothing and keeps the exit code", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-output-"));
		const target = join(folder, "reports", "postcheck.sarif");
		const result = runCli([...WITH_EXAMPLE, "--format", "sarif", "--output", target, "-"], { input: DRAFT });
		expect(result.status).toBe(1);
		expect(result.stdout).toBe("");
		expect(result.stderr).toBe("");
		const written = readFileSync(target, "utf8");
		expect(written).toBe(runCli([...WITH_EXAMPLE, "--format", "sarif", "-"], { input: DRAFT }).stdout);
		expect(JSON.parse(written).runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain(
			"confidential/nda-client",
		);
	});

	it("writes the pretty report without colours, even when colours are forced", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-output-"));
		const target = join(folder, "report.txt");
		runCli([...WITH_EXAMPLE, "-o", target, "-"], { input: DRAFT, env: { FORCE_COLOR: "1", NO_COLOR: undefined } });
		const written = readFileSync(target, "utf8");
		expect(written).toContain("Globex is a client under NDA");
		expect(written).not.toContain("\u001b[");
	});

	it("refuses to write over a draft being checked (exit 2, the draft untouched)", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-output-"));
		writeFileSync(join(folder, "draft.txt"), DRAFT);
		const result = runCli([...WITH_EXAMPLE, "--format", "json", "--output", "./draft.txt", "draft.txt"], {
			cwd: folder,
		});
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(
			"postcheck: ./draft.txt: --output would overwrite a draft being checked; choose another file\n",
		);
		expect(readFileSync(join(folder, "draft.txt"), "utf8")).toBe(DRAFT);
	});

	it("fails with one line naming the file when it cannot be written", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-output-"));
		mkdirSync(join(folder, "taken"));
		const result = runCli([...WITH_EXAMPLE, "--output", join(folder, "taken"), "-"], { input: DRAFT });
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(`postcheck: ${join(folder, "taken")}: cannot write the report (it is a folder)\n`);
	});
});

describe("the report file", () => {
	it("takes the place of the earlier one only when finished, and leaves nothing behind either way", () => {
		const folder = mkdtempSync(join(tmpdir(), "postcheck-output-"));
		writeFileSync(join(folder, "report.sarif"), "yesterday's report");
		const stopped = openReportFile("report.sarif", folder, []);
		stopped.write("half of today's");
		stopped.close();
		expect(readFileSync(join(folder, "report.sarif"), "utf8")).toBe("yesterday's report");
		expect(readdirSync(folder)).toEqual(["report.sarif"]);
		const finished = openReportFile("report.sarif", folder, []);
		finished.write("today's report");
		finished.finish();
		finished.close();
		expect(readFileSync(join(folder, "report.sarif"), "utf8")).toBe("today's report");
		expect(readdirSync(folder)).toEqual(["report.sarif"]);
	});
});
