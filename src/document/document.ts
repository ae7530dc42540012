import type { Language } from "../contracts/config.js";
import { type FoldedText, foldText } from "./fold.js";
import { detectSentenceLanguage } from "./language.js";
import { englishTagger, type TokenTags } from "./nlp.js";
import { normalize } from "./normalize.js";
import { type Sentence, splitSentences } from "./sentences.js";
import { stem } from "./stem.js";
import { type RawToken, tokenize } from "./tokenize.js";

/** Drafts up to this many characters (a long LinkedIn post is 3,000) get a language per sentence. */
const MAX_MIXED_LENGTH = 10_000;

/** A token with the forms rules compare. */
export interface Token extends RawToken {
	/** Folded text: lower case, no accents or invisible characters; a hashtag or handle without its sign. */
	norm: string;
	/** The stem of `norm`, shared by a word's inflections. */
	key: string;
	/**
	 * The stems of the parts of a hyphenated word, or of a handle or hashtag also at its capitals ("netlicht", "monteur"
	 * for "Netlicht-monteurs"; "hooli", "support" for "@HooliSupport").
	 */
	parts: string[];
	/** Index of the sentence the token is in. */
	sentence: number;
	/** The language of that sentence: a Dutch draft may quote an English headline, and the other way round. */
	language: Language;
}

/** A draft made ready for rules: built once, read by every rule. */
export interface Doc {
	text: string;
	language: Language;
	tokens: Token[];
	sentences: Sentence[];
	/** A token's English part-of-speech tags and lemma, computed for its sentence on first use (compromise is slow). */
	tagsAt(tokenIndex: number): TokenTags;
	/** The text as regular expressions see it (look-alikes folded), computed on first use. */
	folded(): FoldedText;
}

export type { Sentence, TokenTags };

type TokenForms = Pick<Token, "norm" | "key" | "parts">;

function formsOf(token: RawToken, language: Language): TokenForms {
	const signed = token.kind === "hashtag" || token.kind === "mention";
	const norm = normalize(signed ? token.text.slice(1) : token.text);
	if (!signed && token.kind !== "word") return { norm, key: norm, parts: [] };
	const key = stem(norm, language);
	// "@TrailHaus_Jess" is known by "trailhaus" and "jess", and by "trail" and "haus" as well.
	const camel = signed ? normalize(token.text.slice(1).replace(CAMEL_CASE, "-")) : norm;
	const parts = camel === norm ? partsOf(norm) : [...new Set([...partsOf(norm), ...partsOf(camel)])];
	return { norm, key, parts: parts.map((part) => stem(part, language)) };
}

function partsOf(word: string): string[] {
	return /[-_]/.test(word) ? word.split(/[-_]/).filter((part) => part.length > 1) : [];
}

/** Where a handle or hashtag written in camel case starts a new word: "Hooli|Support", "ACME|Careers". */
const CAMEL_CASE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;

/** Builds the document for a draft whose main language is known; each sentence may be in the other one. */
export function buildDocument(text: string, language: Language): Doc {
	const raw = tokenize(text);
	const sentences = splitSentences(text, raw);
	const tokens: Token[] = [];
	// Drafts repeat their words: each distinct token is folded and stemmed once per language.
	const forms = new Map<string, TokenForms>();
	const makeToken = (token: RawToken, sentence: number, language: Language): Token => {
		const id = `${language}:${token.kind}:${token.text}`;
		let form = forms.get(id);
		if (!form) {
			form = formsOf(token, language);
			forms.set(id, form);
		}
		const { kind, text: tokenText, start, end } = token;
		return { kind, text: tokenText, start, end, ...form, sentence, language };
	};
	// Posts are short; a long document is read in its own language, sentence detection would cost more than it finds.
	const mixable = text.length <= MAX_MIXED_LENGTH;
	for (const [index, sentence] of sentences.entries()) {
		const sentenceLanguage = mixable
			? detectSentenceLanguage(text.slice(sentence.start, sentence.end), language)
			: language;
		for (let position = sentence.firstToken; position < sentence.endToken; position++) {
			tokens.push(makeToken(raw[position] as RawToken, index, sentenceLanguage));
		}
	}
	let tagsAt: ((tokenIndex: number) => TokenTags) | undefined;
	let folded: FoldedText | undefined;
	return {
		text,
		language,
		tokens,
		sentences,
		tagsAt: (tokenIndex) => {
			tagsAt ??=
				language === "en" ? englishTagger(text, raw) : (index) => ({ tags: new Set(), lemma: raw[index]?.text ?? "" });
			return tagsAt(tokenIndex);
		},
		folded: () => {
			folded ??= foldText(text);
			return folded;
		},
	};
}
