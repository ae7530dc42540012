import { z } from "zod";
import { ConfigSchema } from "./config.js";
import { PackSchema } from "./pack.js";

/**
 * JSON Schemas for the files users write, generated from the zod schemas (so there is one definition of each format),
 * for editors: `# yaml-language-server: $schema=...` at the top of a pack or config gives completion and checks.
 * `npm run schemas` writes them to `schemas/`; a test keeps the committed files equal to these.
 */
export function jsonSchemas(): Record<string, object> {
	return {
		"pack.schema.json": describe(
			PackSchema,
			"postcheck rule pack",
			"A YAML rule pack for postcheck: data, never code.",
		),
		"config.schema.json": describe(
			ConfigSchema,
			"postcheck config",
			"postcheck.yaml: the organisation's nouns, extra packs, rule overrides and allowed terms.",
		),
	};
}

function describe(schema: z.ZodType, title: string, description: string): object {
	// "input": what a user may write, so keys with defaults are optional.
	return { ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), title, description };
}
