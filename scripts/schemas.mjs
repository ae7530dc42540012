// Writes the JSON Schemas for packs and configs (generated from the zod schemas) to schemas/. Run after a build:
// npm run build && npm run schemas. test/json-schemas.test.ts fails when the committed files are out of date.
import { mkdirSync, writeFileSync } from "node:fs";
import { jsonSchemas } from "../dist/contracts/json-schemas.js";

const folder = new URL("../schemas/", import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
	writeFileSync(new URL(name, folder), `${JSON.stringify(schema, null, "\t")}\n`);
	console.log(`schemas/${name}`);
}
