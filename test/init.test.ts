import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

describe("postcheck init", () => {
	it("writes a commented config and a starter pack from flags, which postcheck then uses and tests green", () => {
		const folder = folderWith();
		const result = runCli(
			[
				"init",
				"--name",
				"Initech Corp",
				"--alias",
				"@initech",
				"--product",
				"Stapler 2@2027-03-01",
				"--product",
				"TPS",
			],
			{ cwd: folder },
		);
		expect(result.stderr).toBe("");
		expect(result.stdout).toContain("wrote postcheck.yaml\nwrote packs/initech-corp.yaml\n");
		expect(result.status).toBe(0);
		const text = readFileSync(join(folder, "postcheck.yaml"), "utf8");
		expect(text).toMatch(/^# yaml-language-server: \$schema=/);
		expect(parse(text)).toMatchObject({
			organization: { name: "Initech Corp", aliases: ["@initech"] },
			products: [{ name: "Stapler 2", announce: "2027-03-01" }, { name: "TPS" }],
			packs: ["./packs/initech-corp.yaml"],
		});
		const test = runCli(["test", "--coverage"], { cwd: folder });
		expect(test.stdout).toMatch(/^initech-corp\/internal-meeting\s+2\/2\s+2\/2\s+-\s+pass$/m);
		expect(test.status).toBe(0);
		const check = runCli(["--date", "2027-01-01", "--format", "json", "-"], {
			cwd: folder,
			input: "Stapler 2 is coming, straight from the all-hands",
		});
		const ids = JSON.parse(check.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
		expect(ids).toEqual(expect.arrayContaining(["unreleased-products/mention", "initech-corp/internal-meeting"]));
	});

	it("refuses to overwrite, needs --name without a terminal, and checks product dates (exit 2)", () => {
		const folder = folderWith();
		writeFileSync(join(folder, "postcheck.yaml"), "language: nl\n");
		const existing = runCli(["init", "--name", "Initech"], { cwd: folder });
		expect(existing.stderr).toBe("postcheck: init: postcheck.yaml already exists; nothing written\n");
		expect(existing.status).toBe(2);
		expect(readFileSync(join(folder, "postcheck.yaml"), "utf8")).toBe("language: nl\n");
		const noName = runCli(["init"], { cwd: folder });
		expect(noName.stderr).toBe(
			"postcheck: init: --name is required when no terminal is attached (also --alias, --product)\n",
		);
		expect(noName.status).toBe(2);
		const badDate = runCli(["init", "--name", "X", "--product", "A@2027-13-01", "--dir", "sub"], { cwd: folder });
		expect(badDate.stderr).toContain('expected Name@YYYY-MM-DD, e.g. "Roadrunner 3@2027-01-15"; got "A@2027-13-01"');
		expect(badDate.status).toBe(2);
	});
});
