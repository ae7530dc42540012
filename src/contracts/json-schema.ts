import { z } from "zod";
import { JSON_REPORT_VERSION, JsonReportSchema } from "./report.js";

/** Where the generated schema is shipped in the package, relative to its root. */
export const REPORT_SCHEMA_PATH = "schemas/report.schema.json";

/**
 * The JSON Schema (draft 2020-12) of the `--format json` output, generated from the zod contract so the two cannot
 * drift apart; `npm run schema` writes it to {@link REPORT_SCHEMA_PATH}.
 */
export function renderReportJsonSchema(): string {
	const schema = {
		...z.toJSONSchema(JsonReportSchema),
		title: `postcheck --format json, version ${JSON_REPORT_VERSION}`,
		description:
			"Findings per draft. Lines and columns are 1-based; columns, offset and length count UTF-16 code units of the text as read.",
	};
	return `${JSON.stringify(schema, null, "\t")}\n`;
}
