import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/document/document.js";
import { detectLanguage } from "../src/document/language.js";
import { segmentsOf } from "../src/document/nlp.js";
import { normalize } from "../src/document/normalize.js";
import { stem } from "../src/document/stem.js";
import { ROOT } from "./helpers/cli.js";

describe("tokens", () => {
	it("slice back to their own text, after emoji, CRLF and zero-width characters", () => {
		const text = "Wow 👩‍💻🎉 @acme launched #Skyline5\r\nConf\u200Bidential: https://jira.acme.corp/ABC-1. Déjà vu!";
		const doc = buildDocument(text, "en");
		for (const token of doc.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
		expect(doc.tokens.map((token) => token.kind)).toEqual([
			"word",
			"emoji",
			"emoji",
			"mention",
			"word",
			"hashtag",
			"word",
			"punct",
			"url",
			"punct",
			"word",
			"word",
			"punct",
		]);
	});

	it("fold case, accents, width, zero-width and look-alike letters", () => {
		expect(normalize("Conf\u200Bidential")).toBe("confidential");
		expect(normalize("ｃｏｎｆｉｄｅｎｔｉａｌ")).toBe("confidential");
		expect(normalize("Rоadrunner")).toBe("roadrunner"); // Cyrillic о
		expect(normalize("Déjà")).toBe("deja");
		expect(normalize("don’t")).toBe("don't");
	});

	it("give hashtags and handles their bare word as normal form", () => {
		const doc = buildDocument("#Acme and @Globex", "en");
		expect(doc.tokens.map((token) => token.norm)).toEqual(["acme", "and", "globex"]);
	});
});

describe("sentences", () => {
	const sentences = (text: string) => {
		const doc = buildDocument(text, "en");
		return doc.sentences.map((sentence) => text.slice(sentence.start, sentence.end));
	};

	it("split at terminal punctuation and at line breaks", () => {
		expect(sentences("Huge fire downtown. Smells like arson!\nStay safe")).toEqual([
			"Huge fire downtown.",
			"Smells like arson!",
			"Stay safe",
		]);
	});

	it("do not split after abbreviations or inside numbers", () => {
		expect(sentences("Mr. Smith met Dr. Jones, e.g. at 3.5 km. Then left.")).toEqual([
			"Mr. Smith met Dr. Jones, e.g. at 3.5 km.",
			"Then left.",
		]);
	});
});

describe("stems", () => {
	it("give English inflections one key", () => {
		const keys = ["launch", "launched", "launches", "launching"].map((word) => stem(word, "en"));
		expect(new Set(keys).size).toBe(1);
		expect(stem("stopped", "en")).toBe(stem("stop", "en"));
		expect(stem("killing", "en")).toBe(stem("kill", "en"));
		expect(stem("companies", "en")).toBe(stem("company", "en"));
	});

	it("give Dutch plurals and diminutives one key", () => {
		expect(stem("vestigingen", "nl")).toBe(stem("vestiging", "nl"));
		expect(stem("productje", "nl")).toBe(stem("product", "nl"));
		expect(stem("managers", "nl")).toBe(stem("manager", "nl"));
	});
});

describe("language detection", () => {
	it("tells Dutch from English and falls back on short drafts", () => {
		expect(detectLanguage("Twee doden in Meppel, vast huiselijk geweld. Verschrikkelijk.", "en")).toBe("nl");
		expect(detectLanguage("Just shipped the new release, so proud of the team!", "nl")).toBe("en");
		expect(detectLanguage("ff koffie", "en")).toBe("en");
		expect(detectLanguage("ff koffie", "nl")).toBe("nl");
	});
});

describe("English tags", () => {
	it("come from compromise with lemmas, on our tokens", () => {
		const doc = buildDocument("Mark Smith launched it.", "en");
		expect(doc.tagsAt(0).tags.has("Person")).toBe(true);
		expect(doc.tagsAt(2).lemma).toBe("launch");
	});

	it("of a sentence tagged on its own are those compromise gives it in the whole draft", () => {
		const compromise = createRequire(import.meta.url)("compromise/two");
		const drafts = ["en", "en-retail"].flatMap((set) =>
			readFileSync(join(ROOT, "fixtures/corpus", set, "drafts.jsonl"), "utf8")
				.split("\n")
				.filter(Boolean)
				.map((line) => (JSON.parse(line) as { text: string }).text),
		);
		drafts.push('"Hello there," said John.  Then Mary Jones left!\n\n(Bob, not me) saw it... ok?!\nAnd Alice.');
		for (const text of drafts) {
			const doc = buildDocument(text, "en");
			const whole = compromise(text).json({ offset: true, terms: { offset: true } });
			const people = whole
				.flatMap((sentence: { terms: CompromiseTerm[] }) => sentence.terms)
				.filter((term: CompromiseTerm) => term.tags.includes("Person"))
				.map((term: CompromiseTerm) => term.offset.start);
			// Last token first: each asks only for its own sentences.
			const tagged = doc.tokens
				.map((token, index) => ({ token, tags: doc.tagsAt(index).tags }))
				.reverse()
				.filter(({ tags }) => tags.has("Person"))
				.map(({ token }) => token.start)
				.reverse();
			expect(tagged).toEqual(people);
		}
	});
});

describe("compromise's sentences", () => {
	const compromise = createRequire(import.meta.url)("compromise/two");
	/** Where compromise's tokenizer starts each sentence: its first term, with the punctuation before it. */
	const tokenizerStarts = (text: string): number[] => {
		const sentences: { terms: { pre: string; offset: { start: number } }[] }[] = compromise
			.tokenize(text)
			.json({ offset: true, terms: { offset: true } });
		const starts = sentences.flatMap(({ terms: [first] }) => (first ? [first.offset.start - first.pre.length] : []));
		starts[0] = 0;
		return starts;
	};
	const PIECES = [
		"Hello",
		"there",
		"Mr.",
		"Smith",
		"e.g.",
		"3.5",
		"ok",
		".",
		"!",
		"?",
		"...",
		"?!",
		'"',
		"(",
		")",
		"--",
		"🙂",
		"#tag",
		"@you",
		"https://x.io/a.b",
		" ",
		"  ",
		"\n",
		"\n\n",
		"\r\n",
		"\t",
	];
	const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(""));

	it("are cut where its tokenizer starts them, cheaper", () => {
		fc.assert(
			fc.property(text, (draft) => {
				const segments = segmentsOf(draft);
				expect(segments.map((segment) => segment.start)).toEqual(tokenizerStarts(draft));
				expect(segments.at(-1)?.end).toBe(draft.length);
			}),
			{ numRuns: 500 },
		);
	});
});

interface CompromiseTerm {
	tags: string[];
	offset: { start: number };
}
