import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { REPORT_SCHEMA_PATH, renderReportJsonSchema } from "../src/contracts/json-schema.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT, runCli } from "./helpers/cli.js";

const committed = readFileSync(`${ROOT}${REPORT_SCHEMA_PATH}`, "utf8");
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(committed));

function jsonOutput(args: string[], input = ""): unknown {
	return JSON.parse(
		runCli(["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE, "--format", "json", ...args], { input }).stdout,
	);
}

describe("the JSON Schema of --format json", () => {
	it("is the committed file, exactly as `npm run schema` generates it", () => {
		expect(committed).toBe(renderReportJsonSchema());
	});

	it("accepts the real output: findings with and without suggestions, several files, a clean draft", () => {
		const outputs = [
			jsonOutput(["fixtures/example/draft.txt", "-"], "Acme's support team is the best, proud of what we built"),
			jsonOutput([], "Had a lovely walk on the beach today."),
		];
		const findings = outputs.flatMap((output) =>
			(output as { files: { findings: { suggestion?: string }[] }[] }).files.flatMap((file) => file.findings),
		);
		expect(findings.some((finding) => finding.suggestion)).toBe(true);
		for (const output of outputs) expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
	});

	it("rejects output that breaks the contract", () => {
		const output = jsonOutput(["fixtures/example/draft.txt"]) as { files: { findings: { severity: string }[] }[] };
		(output.files[0]?.findings[0] as { severity: string }).severity = "fatal";
		expect(validate(output)).toBe(false);
		expect(validate({ ...output, version: 2 })).toBe(false);
	});
});
