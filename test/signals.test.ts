import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "../src/contracts/config.js";
import { ConfigSchema } from "../src/contracts/config.js";
import type { Matcher } from "../src/contracts/pack.js";
import { buildDocument } from "../src/document/document.js";
import { SIGNALS } from "../src/document/signals/index.js";
import { parseLexicons } from "../src/packs/load.js";
import { compileMatcher } from "../src/packs/matchers.js";
import { TermLists } from "../src/packs/terms.js";
import { resolveVocabulary } from "../src/packs/vocabulary.js";
import { ROOT } from "./helpers/cli.js";

const lexicons = parseLexicons(readFileSync(join(ROOT, "rules/lexicons.yaml"), "utf8"), "rules/lexicons.yaml");
const vocabulary = resolveVocabulary(ConfigSchema.parse({}), "2026-11-22");

/** The texts a matcher finds in a draft. */
function found(matcher: Matcher, text: string, language: Language = "en"): string[] {
	const doc = buildDocument(text, language);
	return compileMatcher(matcher, { lexicons, vocabulary, terms: new TermLists(), where: "test" })(doc).map((hit) =>
		text.slice(hit.start, hit.end),
	);
}

describe("hedges and boosters (rules/lexicons.yaml)", () => {
	it("find hedged guesses in English and Dutch", () => {
		expect(found({ lexicon: "hedge" }, "Huge fire downtown, smells like arson to me")).toEqual(["smells like"]);
		expect(found({ lexicon: "hedge" }, "The outage was probably the new deploy")).toEqual(["probably"]);
		expect(found({ lexicon: "hedge" }, "Volgens mij was het gewoon brandstichting", "nl")).toEqual(["Volgens mij"]);
		expect(found({ lexicon: "hedge" }, "De chauffeur zou te veel gedronken hebben", "nl")).toEqual(["zou"]);
	});

	it("find boosters, the Meppel tweet's 'vast' among them", () => {
		expect(found({ lexicon: "booster" }, "Two dead, surely domestic violence")).toEqual(["surely"]);
		expect(found({ lexicon: "booster" }, "It must have been the batteries")).toEqual(["must have been"]);
		expect(found({ lexicon: "booster" }, "Twee doden in Meppel, vast huiselijk geweld", "nl")).toEqual(["vast"]);
	});

	it("find official sources and refusals to speculate", () => {
		expect(found({ lexicon: "attribution" }, "According to police the cause is under investigation")).toEqual([
			"According to",
			"under investigation",
		]);
		expect(found({ lexicon: "refusal" }, "Let's not speculate until we know more")).toEqual(["Let's not speculate"]);
		expect(found({ lexicon: "refusal" }, "De politie vraagt niet te speculeren", "nl")).toEqual(["niet te speculeren"]);
	});

	it("find negation", () => {
		expect(found({ lexicon: "negation" }, "I don't think it was arson, no way")).toEqual(["don't", "no"]);
	});
});

describe("targets", () => {
	it("tell people from oneself", () => {
		expect(found({ lexicon: "second-person" }, "You are all idiots")).toEqual(["You"]);
		expect(found({ lexicon: "self" }, "I'm such an idiot")).toEqual(["I'm"]);
		expect(found({ lexicon: "group" }, "Customers who can't read the manual")).toEqual(["Customers who"]);
		expect(found({ lexicon: "group" }, "Netlicht-monteurs zijn net apen", "nl")).toEqual(["Netlicht-monteurs"]);
	});

	it('keep a listed word\'s apostrophe ("we\'re" does not find "were"), not a name\'s (#Sainsburys)', () => {
		expect(found({ lexicon: "work-context" }, "The facts were secret, and so were the plans. We're shipping")).toEqual([
			"We're",
			"shipping",
		]);
		const named = resolveVocabulary(ConfigSchema.parse({ organization: { name: "Sainsbury's" } }), "2026-11-22");
		const doc = buildDocument("Queue at #Sainsburys again", "en");
		const hits = compileMatcher(
			{ vocabulary: "organization" },
			{ lexicons, vocabulary: named, terms: new TermLists(), where: "test" },
		)(doc);
		expect(hits.map((hit) => doc.text.slice(hit.start, hit.end))).toEqual(["#Sainsburys"]);
	});

	it("find a name at the start of a camel-case handle or hashtag, not inside a longer word", () => {
		const withCompetitor = resolveVocabulary(ConfigSchema.parse({ competitors: ["Hooli", "TrailHaus"] }), "2026-11-22");
		const doc = buildDocument(
			"@HooliSupport is slow, #HooliFail trends, hooligans cheer, @hoolisupport too, ask @TrailHaus_Jess",
			"en",
		);
		const hits = compileMatcher(
			{ vocabulary: "competitors" },
			{ lexicons, vocabulary: withCompetitor, terms: new TermLists(), where: "test" },
		)(doc);
		expect(hits.map((hit) => doc.text.slice(hit.start, hit.end))).toEqual([
			"@HooliSupport",
			"#HooliFail",
			"@TrailHaus_Jess",
		]);
	});

	it("tell apart words the light stemmer gives one key (market/marketing, sit/site, doom/doomed)", () => {
		expect(found({ lexicon: "group" }, "The market is up, ask marketing")).toEqual(["marketing"]);
		expect(found({ lexicon: "work-context" }, "Sitting on the beach, data stored offline, planted tomatoes")).toEqual(
			[],
		);
		expect(found({ lexicon: "insult" }, "Playing Doom all night")).toEqual([]);
	});

	it("find @mentions and, in English, named people", () => {
		const doc = buildDocument("@globexhelp fix it. Mark Smith said so.", "en");
		expect(SIGNALS.mention(doc).map((hit) => hit.term)).toEqual(["@globexhelp"]);
		expect(SIGNALS.person(doc).map((hit) => doc.text.slice(hit.start, hit.end))).toEqual(["Mark Smith"]);
	});

	it.each([
		["en", "Our new hire Mark Smith joined. Great guy.\nHe met Sarah Jones and Tom.\nAll good, said Ann Lee"],
		["nl", "Gisteren sprak ik Jan de Vries. Daarna kwam Piet Jansen binnen.\nEn toen Kees"],
	] as const)("given a window, find exactly the %s people sharing a token with it", (language, text) => {
		const everyone = SIGNALS.person(buildDocument(text, language));
		const { length } = buildDocument(text, language).tokens;
		for (let from = -2; from <= length; from++) {
			for (let to = from; to <= length + 2; to++) {
				const expected = everyone.filter((hit) => hit.firstToken < to && hit.endToken > from);
				expect(SIGNALS.person(buildDocument(text, language), { from, to })).toEqual(expected);
			}
		}
		expect(everyone.length).toBeGreaterThan(2);
	});
});

describe("code signals", () => {
	const texts = (signal: keyof typeof SIGNALS, text: string, language: Language = "en") => {
		const doc = buildDocument(text, language);
		return SIGNALS[signal](doc).map((hit) => text.slice(hit.start, hit.end));
	};

	it("profanity comes from cuss, and Dutch drafts only count its surest words", () => {
		expect(texts("profanity", "What a shitty app, fuck this")).toEqual(["shitty", "fuck"]);
		expect(texts("mild-profanity", "Damn, wat een dag", "nl")).toEqual([]);
		expect(texts("profanity", "Wat een fucking dag", "nl")).toEqual(["fucking"]);
		expect(texts("mild-profanity", "Damn, the printer again")).toEqual(["Damn"]);
	});

	it("shouting is a run of capitals, not an acronym", () => {
		expect(texts("shouting", "YOU ARE USELESS and the CEO knows")).toEqual(["YOU ARE USELESS"]);
		expect(texts("shouting", "Met with the CEO and CFO today")).toEqual([]);
		expect(texts("exclamation", "Fix it!!! Now!")).toEqual(["!!!"]);
	});

	it("quotations, money and percentages", () => {
		expect(texts("quotation", 'The invite said "CONFIDENTIAL" in red')).toEqual(['"CONFIDENTIAL"']);
		expect(texts("money", "Revenue up 18% to $1.2M, marge 3,5 procent, € 1,2 mln", "en")).toEqual([
			"18%",
			"$1.2M",
			"3,5 procent",
			"€ 1,2 mln",
		]);
	});
});

describe("mixed drafts", () => {
	it("match each sentence with its own language's word lists", () => {
		const text =
			"Vreselijk nieuws uit Texas vandaag, ik ben er stil van. Huge explosion at the refinery, surely the safety checks were skipped again.";
		const doc = buildDocument(text, "nl");
		expect(new Set(doc.tokens.map((token) => token.language))).toEqual(new Set(["nl", "en"]));
		expect(found({ lexicon: "booster" }, text, "nl")).toEqual(["surely"]);
	});
});
