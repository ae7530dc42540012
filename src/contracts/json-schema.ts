import { z } from "zod";
import { ConfigSchema } from "./config.js";
import { PackSchema } from "./pack.js";
import { JSON_REPORT_VERSION, JsonReportSchema } from "./report.js";

/** Where the generated schema is shipped in the package, relative to its root. */
export const REPORT_SCHEMA_PATH = "schemas/report.schema.json";

/**
 * The JSON Schema (draft 2020-12) of the `--format json` output, generated from the zod contract so the two cannot
 * drift apart; `npm run schema` writes it to {@link REPORT_SCHEMA_PATH}.
 */
export function renderReportJsonSchema(): string {
	return render(
		z.toJSONSchema(JsonReportSchema),
		`postcheck --format json, version ${JSON_REPORT_VERSION}`,
		"Findings per draft. Lines and columns are 1-based; columns, offset and length count UTF-16 code units of the text as read.",
	);
}

/**
 * Every generated JSON Schema by its path in the package: the report, and the pack and config files users write, for
 * editors (`# yaml-language-server: $schema=...` gives completion and checks). `npm run schema` writes them all; tests
 * keep the committed files equal to these.
 */
export function renderJsonSchemas(): Record<string, string> {
	// "input": what a user may write, so keys with defaults are optional.
	const input = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
	return {
		[REPORT_SCHEMA_PATH]: renderReportJsonSchema(),
		"schemas/pack.schema.json": render(
			input(PackSchema),
			"postcheck rule pack",
			"A YAML rule pack for postcheck: data, never code.",
		),
		"schemas/config.schema.json": render(
			input(ConfigSchema),
			"postcheck config",
			"postcheck.yaml: the organisation's nouns, extra packs, rule overrides and allowed terms.",
		),
	};
}

function render(schema: object, title: string, description: string): string {
	return `${JSON.stringify({ ...schema, title, description }, null, "\t")}\n`;
}
