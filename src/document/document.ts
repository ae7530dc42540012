import type { Language } from "../contracts/config.js";
import { type FoldedText, foldText } from "./fold.js";
import { type TokenTags, tagEnglish } from "./nlp.js";
import { normalize } from "./normalize.js";
import { type Sentence, splitSentences } from "./sentences.js";
import { stem } from "./stem.js";
import { type RawToken, tokenize } from "./tokenize.js";

/** A token with the forms rules compare. */
export interface Token extends RawToken {
	/** Folded text: lower case, no accents or invisible characters; a hashtag or handle without its sign. */
	norm: string;
	/** The stem of `norm`, shared by a word's inflections. */
	key: string;
	/** Index of the sentence the token is in. */
	sentence: number;
}

/** A draft made ready for rules: built once, read by every rule. */
export interface Doc {
	text: string;
	language: Language;
	tokens: Token[];
	sentences: Sentence[];
	/** English part-of-speech tags and lemmas, computed on first use (compromise is slow to load). */
	tags(): TokenTags[];
	/** The text as regular expressions see it (look-alikes folded), computed on first use. */
	folded(): FoldedText;
}

export type { Sentence, TokenTags };

/** Builds the document for a draft in a known language. */
export function buildDocument(text: string, language: Language): Doc {
	const raw = tokenize(text);
	const sentences = splitSentences(text, raw);
	// Drafts repeat their words: each distinct token is folded and stemmed once.
	const forms = new Map<string, { norm: string; key: string }>();
	const tokens: Token[] = raw.map(({ kind, text, start, end }) => {
		const id = kind === "word" ? text : `${kind}:${text}`;
		let form = forms.get(id);
		if (!form) {
			const norm = normalize(kind === "hashtag" || kind === "mention" ? text.slice(1) : text);
			form = { norm, key: kind === "word" ? stem(norm, language) : norm };
			forms.set(id, form);
		}
		return { kind, text, start, end, norm: form.norm, key: form.key, sentence: 0 };
	});
	for (const [index, sentence] of sentences.entries()) {
		for (let position = sentence.firstToken; position < sentence.endToken; position++) {
			(tokens[position] as Token).sentence = index;
		}
	}
	let tags: TokenTags[] | undefined;
	let folded: FoldedText | undefined;
	return {
		text,
		language,
		tokens,
		sentences,
		tags: () => {
			tags ??= language === "en" ? tagEnglish(text, raw) : raw.map((token) => ({ tags: new Set(), lemma: token.text }));
			return tags;
		},
		folded: () => {
			folded ??= foldText(text);
			return folded;
		},
	};
}
