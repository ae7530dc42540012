import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../src/contracts/config.js";
import type { Condition, Matcher } from "../src/contracts/pack.js";
import { buildDocument } from "../src/document/document.js";
import { compileCondition } from "../src/packs/conditions.js";
import { parseLexicons } from "../src/packs/load.js";
import { compileMatcher } from "../src/packs/matchers.js";
import { TermLists } from "../src/packs/terms.js";
import { resolveVocabulary } from "../src/packs/vocabulary.js";
import { ROOT } from "./helpers/cli.js";

const context = {
	lexicons: parseLexicons(readFileSync(join(ROOT, "rules/lexicons.yaml"), "utf8"), "rules/lexicons.yaml"),
	vocabulary: resolveVocabulary(ConfigSchema.parse({}), "2026-11-22"),
	terms: new TermLists(),
	where: "test",
};

/** For each candidate the matcher finds, the text that makes the condition hold, or null. */
function holdsFor(candidates: Matcher, condition: Condition, text: string): (string | null)[] {
	const doc = buildDocument(text, "en");
	const check = compileCondition(condition, context, { profileDisclaimer: false });
	return compileMatcher(
		candidates,
		context,
	)(doc).map((candidate) => {
		const hit = check(doc, candidate);
		return hit === undefined ? null : hit === true ? "true" : text.slice(hit.start, hit.end);
	});
}

describe("within: { before, after }", () => {
	const negationBefore: Condition = { near: { lexicon: "negation" }, within: { before: 2 } };

	it("finds words just before the candidate, not the candidate's own", () => {
		const candidates: Matcher = { terms: ["not announced yet", "announced"] };
		expect(holdsFor(candidates, negationBefore, "Not announced yet. It was never announced.")).toEqual([null, "never"]);
	});

	it("counts a phrase that reaches beside the candidate ('I recall' around 'recall')", () => {
		const figurative: Condition = { near: { terms: ["i recall"] }, within: { before: 1, after: 1 } };
		expect(holdsFor({ terms: ["recall"] }, figurative, "I recall the recall")).toEqual(["I recall", null]);
	});

	it("stays in the candidate's sentence", () => {
		const text = "We tried everything and got nothing. Idiots are everywhere today.";
		expect(holdsFor({ terms: ["idiots"] }, negationBefore, text)).toEqual([null]);
	});
});

describe("any: [conditions]", () => {
	const nearEither: Condition = {
		any: [
			{ near: { terms: ["probably"] }, within: "sentence" },
			{ near: { terms: ["officials"] }, within: { before: 3 } },
		],
	};

	it("holds when one of its conditions does, each in its own scope", () => {
		const text = "Fire downtown. Officials say fire spread. It was probably the fire.";
		expect(holdsFor({ terms: ["fire"] }, nearEither, text)).toEqual([null, "Officials", "probably"]);
	});

	it("shows the hit of the first part that holds, asking the tagger last", () => {
		const text = "Mark Smith says the fire was arson, officials said";
		const doc = buildDocument(text, "en");
		const [fire] = compileMatcher({ terms: ["fire"] }, context)(doc);
		const shown = (condition: Condition) => {
			const hit = fire && compileCondition(condition, context, { profileDisclaimer: false })(doc, fire);
			return hit !== undefined && hit !== true && text.slice(hit.start, hit.end);
		};
		const arsonOrOfficials: Condition = {
			any: [
				{ near: { terms: ["arson"] }, within: "sentence" },
				{ near: { terms: ["officials"] }, within: "sentence" },
			],
		};
		expect(shown(arsonOrOfficials)).toBe("arson");
		expect(shown({ near: { any: [{ signal: "person" }, { terms: ["officials"] }] }, within: "sentence" })).toBe(
			"officials",
		);
		expect(shown({ near: { signal: "person" }, within: "sentence" })).toBe("Mark Smith");
	});
});

describe("all: [conditions] and not: condition", () => {
	const literal: Condition = {
		all: [{ near: { terms: ["tool"] }, within: "match" }, { not: { near: { terms: ["you"] }, within: { before: 2 } } }],
	};

	it("all holds only when every part does, and not only when its part does not", () => {
		const text = "Grab the tool. You tool. Tools are fine, you tool";
		expect(holdsFor({ terms: ["tool"] }, literal, text)).toEqual(["tool", null, "Tools", null]);
	});

	it("shows the first hit among the parts of all", () => {
		const probableCause: Condition = {
			all: [
				{ not: { near: { terms: ["officials"] }, within: "sentence" } },
				{ near: { terms: ["probably"] }, within: "sentence" },
				{ near: { terms: ["arson"] }, within: "sentence" },
			],
		};
		const text = "The fire was probably arson. Officials say the fire was probably arson.";
		expect(holdsFor({ terms: ["fire"] }, probableCause, text)).toEqual(["probably", null]);
	});
});

describe("word lists that name the organisation", () => {
	const disclosures: Matcher = { terms: ["i work at {organization}", "views are my own", "rt ≠ endorsement"] };
	const foundBy = (organization: string, text: string) => {
		const vocabulary = resolveVocabulary(ConfigSchema.parse({ organization: { name: organization } }), "2026-11-22");
		const matcher = compileMatcher(disclosures, { ...context, vocabulary, terms: new TermLists() });
		return matcher(buildDocument(text, "en")).map((hit) => hit.term);
	};
	const text = "I work at Acme. I work at Globex. Views are my own; RT ≠ endorsement.";

	it("fill {name} with each entry of the word list name, and {organization} with each name", () => {
		const vocabulary = resolveVocabulary(ConfigSchema.parse({ organization: { name: "Acme" } }), "2026-11-22");
		const lexicons = { ...context.lexicons, role: { en: ["driver", "=engineer"] } };
		const matcher = compileMatcher(
			{ terms: ["{organization} {role} here"] },
			{ ...context, lexicons, vocabulary, terms: new TermLists() },
		);
		const text = "Acme driver here. Acme pilot here. Acme engineer here.";
		expect(matcher(buildDocument(text, "en")).map((hit) => hit.term)).toEqual([
			"Acme driver here",
			"Acme engineer here",
		]);
		expect(() => compileMatcher({ terms: ["{nope} here"] }, { ...context, terms: new TermLists() })).toThrow(
			/unknown lexicon "nope"/,
		);
	});

	it("let a gap (~N) stand for up to N tokens of the same sentence", () => {
		const vocabulary = resolveVocabulary(ConfigSchema.parse({ organization: { name: "Acme" } }), "2026-11-22");
		const matcher = compileMatcher(
			{ terms: ["i ~2 at {organization}"] },
			{ ...context, vocabulary, terms: new TermLists() },
		);
		const found = (text: string) => matcher(buildDocument(text, "en")).map((hit) => text.slice(hit.start, hit.end));
		expect(found("I work at Acme")).toEqual(["I work at Acme"]);
		expect(found("I teach workshops at Acme")).toEqual(["I teach workshops at Acme"]);
		expect(found("I have a savings account at Acme")).toEqual([]);
		expect(found("I quit. At Acme they know why")).toEqual([]);
	});

	it("find each config's own names, and the other entries, however many configs one process compiles", () => {
		expect(foundBy("Acme", text)).toEqual(["i work at Acme", "views are my own", "rt ≠ endorsement"]);
		expect(foundBy("Globex", text)).toEqual(["i work at Globex", "views are my own", "rt ≠ endorsement"]);
		expect(foundBy("Acme", text)).toEqual(["i work at Acme", "views are my own", "rt ≠ endorsement"]);
	});
});
