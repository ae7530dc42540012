import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { z } from "zod";
import { UserError } from "../src/errors.js";
import { parseYaml } from "../src/packs/yaml.js";

const ANY = z.unknown();

/** Values as packs and configs hold them: maps, lists, strings of every kind, numbers, booleans, null. */
const dataValue = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: "small", withCrossShrink: true },
		fc.string({ unit: "grapheme", maxLength: 12 }),
		fc.constantFrom(
			"yes",
			"no",
			"on",
			"off",
			"~",
			"null",
			"0o17",
			"0x1F",
			"1e3",
			".inf",
			"-.5",
			"007",
			"1_000",
			"12:30",
			"2026-06-01",
			"#x",
			"a: b",
			"- x",
			"=we",
			"kanker*",
			"*ongeluk",
			"@acme",
			"!!!",
		),
		fc.integer(),
		// js-yaml reads -0 as 0; no pack or config value tells them apart.
		fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => (Object.is(number, -0) ? 0 : number)),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie("value"), { maxLength: 4 }),
		fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
	),
})).value;

describe("reading YAML", () => {
	it("gives the yaml library's value for any plain data, in block or flow style, as either library writes it", () => {
		fc.assert(
			fc.property(dataValue, fc.constantFrom("yaml", "js-yaml", "flow"), (value, writer) => {
				const text =
					writer === "yaml"
						? stringify(value)
						: writer === "flow"
							? stringify(value, { collectionStyle: "flow" })
							: dump(value, { lineWidth: -1 });
				expect(parseYaml(text, "data.yaml", ANY)).toEqual(parse(text) ?? {});
			}),
			{ numRuns: 1500 },
		);
	});

	it("still says where a value is wrong, whichever way the file was read", () => {
		const text = "pack: big\nrules:\n  - name: 5\n";
		const schema = z.object({ pack: z.string(), rules: z.array(z.object({ name: z.string() })) });
		const error = (() => {
			try {
				parseYaml(text, "big.yaml", schema);
			} catch (thrown) {
				return thrown as UserError;
			}
		})();
		expect(error).toBeInstanceOf(UserError);
		expect(error?.describe()).toMatch(/^big\.yaml:3:11: rules\[0\]\.name: /);
	});
});
