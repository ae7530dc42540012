import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderJsonSchemas } from "../src/contracts/json-schema.js";
import { ROOT } from "./helpers/cli.js";

const rendered = renderJsonSchemas();
const schemas = Object.fromEntries(
	Object.entries(rendered).map(([path, text]) => [path.replace("schemas/", ""), JSON.parse(text) as object]),
);

describe("JSON Schemas for packs and configs", () => {
	it("are committed exactly as generated from the zod schemas (run npm run schema)", () => {
		expect(readdirSync(join(ROOT, "schemas")).sort()).toEqual(Object.keys(schemas).sort());
		for (const [path, text] of Object.entries(rendered)) expect(readFileSync(join(ROOT, path), "utf8")).toBe(text);
	});

	const packs = readdirSync(join(ROOT, "rules")).filter((name) => name.endsWith(".yaml") && name !== "lexicons.yaml");
	const files = [
		...packs.map((name) => ({ file: `rules/${name}`, schema: "pack.schema.json" })),
		{ file: "fixtures/example/postcheck.yaml", schema: "config.schema.json" },
	];

	for (const { file, schema } of files) {
		it(`${file} names ${schema} for editors and validates against it`, () => {
			const text = readFileSync(join(ROOT, file), "utf8");
			const header = text.split("\n")[0] ?? "";
			const depth = file.split("/").length - 1;
			expect(header).toBe(`# yaml-language-server: $schema=${"../".repeat(depth)}schemas/${schema}`);
			const validate = new Ajv2020({ strict: false }).compile(schemas[schema] as object);
			expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
		});
	}

	it("rejects what the zod schema rejects: an unknown key and a wrong enum", () => {
		const validate = new Ajv2020({ strict: false }).compile(schemas["config.schema.json"] as object);
		expect(validate({ organization: { name: "Acme", nmae: "x" } })).toBe(false);
		expect(validate({ rules: { "tone/insult": "fatal" } })).toBe(false);
		expect(validate({ allow: [{ term: "x", rule: "tone" }] })).toBe(false);
	});
});
