import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../src/errors.js";
import { parsePack } from "../src/packs/load.js";
import { builtinPackTexts, compileWithExample } from "./helpers/rules.js";

/** One edit to a pack's YAML text, as a careless or hostile author might make it. */
type Mutation = (lines: string[], at: number, extra: string) => string[];

const INJECTIONS = [
	"!!js/function 'function () {}'",
	"!include /etc/passwd",
	"*undefined_alias",
	"&anchor",
	'{ regex: "(a+)+$" }',
	"__proto__",
	"constructor",
	"[",
	"{",
	"- - -",
	"'unterminated",
	"\t",
	"null",
	"~",
	"12",
	"-1.5",
	"true",
	"\u0000",
	"\uFEFF",
];

const MUTATIONS: Record<string, Mutation> = {
	deleteLine: (lines, at) => lines.filter((_, index) => index !== at),
	duplicateLine: (lines, at) => lines.flatMap((line, index) => (index === at ? [line, line] : [line])),
	truncate: (lines, at) => lines.slice(0, at),
	retypeValue: (lines, at, extra) =>
		lines.map((line, index) => (index === at ? line.replace(/:\s.*$/, `: ${extra}`) : line)),
	renameKey: (lines, at, extra) =>
		lines.map((line, index) => (index === at ? line.replace(/^(\s*-?\s*)[\w-]+:/, `$1${extra}:`) : line)),
	injectAfterColon: (lines, at, extra) =>
		lines.map((line, index) => (index === at ? line.replace(/:(\s|$)/, `: ${extra} `) : line)),
	reindent: (lines, at) => lines.map((line, index) => (index === at ? ` ${line}` : line)),
	cutLineHalf: (lines, at) => lines.map((line, index) => (index === at ? line.slice(0, line.length >> 1) : line)),
};

const packs = builtinPackTexts();

const mutatedPack = fc
	.record({
		pack: fc.integer({ min: 0, max: packs.length - 1 }),
		edits: fc.array(
			fc.record({
				kind: fc.constantFrom(...Object.keys(MUTATIONS)),
				at: fc.nat(),
				extra: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 6 })),
			}),
			{ minLength: 1, maxLength: 3 },
		),
	})
	.map(({ pack, edits }) => {
		const source = packs[pack] as { name: string; text: string };
		let lines = source.text.split("\n");
		for (const edit of edits) lines = (MUTATIONS[edit.kind] as Mutation)(lines, edit.at % lines.length, edit.extra);
		return { name: source.name, text: lines.join("\n") };
	});

describe("the pack loader over mutated built-in packs", () => {
	it("either loads a pack or refuses it with a one-line UserError, never another exception", () => {
		let refused = 0;
		fc.assert(
			fc.property(mutatedPack, ({ name, text }) => {
				try {
					compileWithExample([parsePack(text, `rules/${name}`)]);
				} catch (error) {
					if (!(error instanceof UserError)) throw error;
					expect(error.describe()).not.toContain("\n");
					expect(error.describe()).toMatch(new RegExp(`^rules/${name}`));
					refused++;
				}
			}),
			{ numRuns: 300, seed: 8 },
		);
		expect(refused).toBeGreaterThan(100);
	}, 120_000);
});
