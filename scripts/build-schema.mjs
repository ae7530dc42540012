// Writes the JSON Schemas generated from the zod contracts into the package: the --format json report, and the
// pack and config files (for editors).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { renderJsonSchemas } from "../dist/contracts/json-schema.js";

for (const [path, text] of Object.entries(renderJsonSchemas())) {
	const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, text);
	console.log(`wrote ${path}`);
}
