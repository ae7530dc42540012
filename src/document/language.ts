import { francAll } from "franc-min";
import type { Language } from "../contracts/config.js";

const FRANC_CODES: Record<string, Language> = { eng: "en", nld: "nl" };
/** Below this many letters detection is a coin toss; the config's default language is used instead. */
const MIN_LETTERS = 20;
/** The opening of a text says its language as well as all of it would, and a huge one would take seconds. */
const SAMPLE_LENGTH = 20_000;

/**
 * The language of a draft, English or Dutch. franc is restricted to those two: unrestricted, it takes short Dutch for
 * German or Afrikaans.
 */
export function detectLanguage(draft: string, fallback: Language): Language {
	const text = draft.slice(0, SAMPLE_LENGTH);
	if (lettersOf(text).length < MIN_LETTERS) return fallback;
	const [best] = francAll(text, { only: Object.keys(FRANC_CODES), minLength: 1 });
	return (best && FRANC_CODES[best[0]]) ?? fallback;
}

/** A sentence needs this many letters before it can outvote the draft's language. */
const MIN_SENTENCE_LETTERS = 30;
/** How sure franc must be that the sentence is not in the draft's language (its score for that one, at most). */
const SWITCH_BELOW = 0.75;

/**
 * The language of one sentence of a draft: the draft's own, unless the sentence is long enough and clearly the other
 * (a Dutch tweet quoting an English headline).
 */
export function detectSentenceLanguage(whole: string, draftLanguage: Language): Language {
	const sentence = whole.slice(0, SAMPLE_LENGTH);
	if (lettersOf(sentence).length < MIN_SENTENCE_LETTERS) return draftLanguage;
	const scores = francAll(sentence, { only: Object.keys(FRANC_CODES), minLength: 1 });
	const draftScore = scores.find(([code]) => FRANC_CODES[code] === draftLanguage)?.[1] ?? 0;
	const best = scores[0] ? FRANC_CODES[scores[0][0]] : undefined;
	return best && best !== draftLanguage && draftScore < SWITCH_BELOW ? best : draftLanguage;
}

/** The letters that tell languages apart: no links, handles, hashtags, digits or punctuation. */
function lettersOf(text: string): string {
	return text.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+|[^\p{L}]/gu, "");
}
