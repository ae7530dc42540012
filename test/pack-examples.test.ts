import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPackTestSuites } from "../src/cli/commands/test.js";
import { ConfigSchema } from "../src/contracts/config.js";
import { runPackTests } from "../src/packs/test-runner.js";
import { ROOT } from "./helpers/cli.js";

// The same runner as `postcheck test`: each built-in pack names the config and day its examples are written for.
const rulesDir = join(ROOT, "rules");
const files = readdirSync(rulesDir)
	.filter((name) => name.endsWith(".yaml") && name !== "lexicons.yaml")
	.map((name) => join(rulesDir, name));
const suites = loadPackTestSuites(files, { cwd: ROOT, config: ConfigSchema.parse({}), date: "2000-01-01" });
const results = suites.flatMap(runPackTests);

describe("built-in packs", () => {
	it("are the five stable pack ids and the platform pack", () => {
		expect(suites.flatMap((suite) => suite.packs.map(({ pack }) => pack.pack)).sort()).toEqual([
			"affiliation",
			"confidential",
			"incident-speculation",
			"platform",
			"tone",
			"unreleased-products",
		]);
	});

	it("every rule has examples that fire it and examples that must not", () => {
		expect(results.filter((result) => !result.covered).map((result) => result.ruleId)).toEqual([]);
	});

	for (const result of results) {
		describe(result.ruleId, () => {
			for (const item of result.cases)
				it(`${item.kind}: ${item.text}`, () => expect(item.problem ?? "passed").toBe("passed"));
		});
	}
});
