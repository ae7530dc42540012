// Writes the JSON Schema of the --format json output (generated from the zod contract) into the package.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { REPORT_SCHEMA_PATH, renderReportJsonSchema } from "../dist/contracts/json-schema.js";

const target = fileURLToPath(new URL(`../${REPORT_SCHEMA_PATH}`, import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderReportJsonSchema());
console.log(`wrote ${REPORT_SCHEMA_PATH}`);
