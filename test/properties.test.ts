import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { JsonReportSchema } from "../src/contracts/report.js";
import { normalize } from "../src/document/normalize.js";
import { tokenize } from "../src/document/tokenize.js";
import { FORMATTERS } from "../src/report/formatters/index.js";
import { buildReport } from "../src/report/report.js";
import { checkText, exampleRules, RULES_DIR } from "./helpers/rules.js";

const rules = exampleRules();

/** Words the packs look for, so random drafts hit rules instead of passing clean. */
const LEXICON_WORDS: string[] = Object.values(
	(parse(readFileSync(join(RULES_DIR, "lexicons.yaml"), "utf8")) as { lexicons: Record<string, unknown> }).lexicons,
)
	.flatMap((list) => (Array.isArray(list) ? list : Object.values(list as Record<string, string[]>).flat()))
	.filter((word): word is string => typeof word === "string")
	.map((word) => word.replace(/^=|\*$/g, ""));
const ORGANISATION_WORDS = [
	"Acme",
	"Globex",
	"Project Coyote",
	"Roadrunner 3",
	"RR3",
	"Q3 forecast",
	"€ 1,2 mln",
	"jan@acme.internal",
	"NL91ABNA0417164300",
];

const TROUBLE = [
	"\u200B",
	"\u200D",
	"\uFEFF",
	"\u00AD",
	"\r\n",
	"\r",
	"\n",
	"👩‍👩‍👧",
	"🏳️‍🌈",
	"e\u0301",
	"а",
	"Ｇ",
	"\u202E",
	"שלום",
	"\uD800",
	"\uDC00",
	"\t",
	"  ",
	".",
	"!",
	"?",
	"#",
	"@",
	'"',
	"(",
	")",
	"“",
	"’",
];

const piece = fc.oneof(
	fc.constantFrom(...LEXICON_WORDS),
	fc.constantFrom(...ORGANISATION_WORDS),
	fc.constantFrom(...TROUBLE),
	fc.string({ unit: "grapheme", maxLength: 8 }),
	fc.string({ unit: "binary", maxLength: 4 }),
);
const draft = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(" "));
const language = fc.constantFrom("en" as const, "nl" as const);
const RUNS = { numRuns: 150, seed: 20261122 };

function reportBytes(text: string, lang: "en" | "nl"): string {
	const findings = checkText(rules, text, lang);
	return FORMATTERS.json(buildReport([{ path: "<stdin>", language: lang, text, findings }]), {
		color: false,
		texts: new Map([["<stdin>", text]]),
	});
}

describe("the kernel over random and adversarial text", () => {
	it("never throws, and its JSON always parses and matches the JsonReport schema", () => {
		fc.assert(
			fc.property(draft, language, (text, lang) => {
				JsonReportSchema.parse(JSON.parse(reportBytes(text, lang)));
			}),
			RUNS,
		);
	});

	it("gives offsets and lengths that slice the input to exactly the match", () => {
		fc.assert(
			fc.property(draft, language, (text, lang) => {
				const report = JsonReportSchema.parse(JSON.parse(reportBytes(text, lang)));
				for (const finding of report.files[0]?.findings ?? []) {
					expect(text.slice(finding.offset, finding.offset + finding.length)).toBe(finding.match);
				}
			}),
			RUNS,
		);
	});

	it("gives the same bytes for the same input", () => {
		fc.assert(
			fc.property(draft, language, (text, lang) => {
				expect(reportBytes(text, lang)).toBe(reportBytes(text, lang));
			}),
			RUNS,
		);
	});

	it("finds something in many of these drafts, so the properties above are not about empty reports", () => {
		const samples = fc.sample(draft, { numRuns: 100, seed: RUNS.seed });
		const withFindings = samples.filter((text) => checkText(rules, text).length > 0).length;
		expect(withFindings).toBeGreaterThanOrEqual(40);
	});
});

describe("the ASCII fast paths", () => {
	const asciiDraft = fc
		.array(
			fc.oneof(
				fc.constantFrom(
					...ORGANISATION_WORDS.filter((word) => !/[\u0080-\uffff]/.test(word)),
					"https://acme.com/x.",
					"@jan",
					"#Q3",
					"e.g.",
					"done.Next",
					"3rd",
					"1,2",
					"x@y.nl",
					" ",
					"\n",
					"!",
					"'",
					"-",
				),
				fc.string({ unit: "binary-ascii", maxLength: 12 }),
			),
			{ maxLength: 20 },
		)
		.map((parts) => parts.join(""));

	it("splits an ASCII draft exactly as the full Unicode grammar does", () => {
		// One non-ASCII word after a space makes tokenize use the Unicode grammar, and adds exactly one token.
		fc.assert(
			fc.property(asciiDraft, (text) => {
				const unicode = tokenize(`${text} é`);
				expect(unicode.at(-1)).toMatchObject({ kind: "word", text: "é" });
				expect(tokenize(text)).toEqual(unicode.slice(0, -1));
			}),
			{ numRuns: 2000 },
		);
	});

	it("fold an ASCII word exactly as the full Unicode folding does", () => {
		// A non-ASCII word after a space sends normalize the long way, and folds on its own to "e".
		fc.assert(
			fc.property(asciiDraft, (text) => {
				expect(normalize(`${text} É`)).toBe(`${normalize(text)} e`);
			}),
			{ numRuns: 2000 },
		);
	});
});
