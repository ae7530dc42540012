import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { francAll } from "franc-min";
import { describe, expect, it } from "vitest";
import type { Language } from "../src/contracts/config.js";
import { detectLanguage, detectSentenceLanguage, scoreLanguages, votedLanguage } from "../src/document/language.js";
import { ROOT } from "./helpers/cli.js";

/** franc itself, as postcheck called it before it scored trigrams on its own: the oracle. */
const FRANC_CODES: Record<string, Language> = { eng: "en", nld: "nl" };
function francScores(text: string): [string, number][] {
	return francAll(text.slice(0, 20_000), { only: Object.keys(FRANC_CODES), minLength: 1 });
}
function francSentenceLanguage(sentence: string, draftLanguage: Language): Language {
	const scores = francScores(sentence);
	const draftScore = scores.find(([code]) => FRANC_CODES[code] === draftLanguage)?.[1] ?? 0;
	const best = scores[0] ? FRANC_CODES[scores[0][0]] : undefined;
	return best && best !== draftLanguage && draftScore < 0.75 ? best : draftLanguage;
}
function francDraftLanguage(draft: string, fallback: Language): Language {
	const [best] = francScores(draft);
	return (best && FRANC_CODES[best[0]]) ?? fallback;
}
/** Our letter count, so the oracle is asked only what detection asks franc. */
function letterCount(text: string): number {
	return text.slice(0, 20_000).replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+|[^\p{L}]/gu, "").length;
}

const corpusTexts: string[] = ["en", "nl", "en-retail", "nl-zorg"].flatMap((set) =>
	readFileSync(join(ROOT, "fixtures/corpus", set, "drafts.jsonl"), "utf8")
		.split("\n")
		.filter(Boolean)
		.map((line) => (JSON.parse(line) as { text: string }).text),
);

const WORDS = ["the", "de", "het", "and", "en", "een", "is", "we", "niet", "not", "Über", "straße", "İstanbul", "ĳs"];
const PIECES = [...WORDS, " ", "  ", "\n", ".", ",", "!", "42", "@acme", "#tag", "😀", "👍🏽", "中文", "Москва", "𝐀"];
/** Unicode spaces and other characters near the edges of what franc turns into a space. */
const EDGES = ["\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028", "\u0085", "\u200b", "\t", "@", "[", "`", "\u00e9"];
const mixedText = fc.array(fc.constantFrom(...PIECES, ...EDGES), { maxLength: 60 }).map((pieces) => pieces.join(" "));

describe("function words settle a short post that trigrams misread", () => {
	it("reads English and Dutch posts that franc's trigrams score the other way", () => {
		const english = "It would be great if my shift manager weren't such a lazy pig.";
		expect(francDraftLanguage(english, "en")).toBe("nl");
		expect(detectLanguage(english, "nl")).toBe("en");
		expect(detectSentenceLanguage(english, "nl")).toBe("en");
		expect(detectLanguage("Ik heb het echt niet gezien, maar wat een dag was het", "en")).toBe("nl");
	});

	it("leaves a mixed or word-poor text to franc", () => {
		expect(votedLanguage("the de het and en een")).toBeUndefined();
		expect(votedLanguage("Sneak peek. Coming soon.")).toBeUndefined();
	});
});

describe("language detection scores as franc does, where function words do not settle it", () => {
	it("on the corpus drafts and each of their lines, as the draft and as a sentence", () => {
		for (const draft of corpusTexts) {
			for (const text of [draft, ...draft.split(/(?<=[.!?\n])/)]) {
				for (const language of ["en", "nl"] as const) {
					// Where the function words settle it, they decide; franc everywhere else.
					const voted = votedLanguage(text);
					if (letterCount(text) >= 20)
						expect(detectLanguage(text, language)).toBe(voted ?? francDraftLanguage(text, language));
					if (letterCount(text) >= 30)
						expect(detectSentenceLanguage(text, language)).toBe(voted ?? francSentenceLanguage(text, language));
				}
			}
		}
	});

	it("to the same numbers, on the corpus lines and on mixed scripts, spaces and punctuation", () => {
		const sameScores = (text: string) => {
			const theirs = francAll(text, { only: Object.keys(FRANC_CODES), minLength: 1 });
			const expected = theirs[0]?.[0] === "und" ? undefined : theirs.map(([code, score]) => [FRANC_CODES[code], score]);
			expect(scoreLanguages(text)).toEqual(expected);
		};
		for (const draft of corpusTexts) for (const line of draft.split("\n")) sameScores(line);
		// Longer than franc reads, and lower-cased longer than that ("İ" becomes two characters).
		sameScores(corpusTexts.join(" "));
		sameScores("İşte İstanbul ".repeat(400));
		fc.assert(
			fc.property(mixedText, fc.string(), (mixed, noise) => {
				sameScores(mixed);
				sameScores(`${noise}${mixed}${noise}`);
			}),
			{ numRuns: 2000 },
		);
	});

	it("on mixed scripts, digits, emoji and punctuation", () => {
		fc.assert(
			fc.property(mixedText, fc.string(), fc.constantFrom<Language>("en", "nl"), (mixed, noise, language) => {
				for (const text of [mixed, `${mixed}${noise}`]) {
					// Where the function words settle it, they decide; franc everywhere else.
					const voted = votedLanguage(text);
					if (letterCount(text) >= 20)
						expect(detectLanguage(text, language)).toBe(voted ?? francDraftLanguage(text, language));
					if (letterCount(text) >= 30)
						expect(detectSentenceLanguage(text, language)).toBe(voted ?? francSentenceLanguage(text, language));
				}
			}),
			{ numRuns: 2000 },
		);
	});
});
