import { francAll } from "franc-min";
import type { Language } from "../contracts/config.js";

const FRANC_CODES: Record<string, Language> = { eng: "en", nld: "nl" };
/** Below this many letters detection is a coin toss; the config's default language is used instead. */
const MIN_LETTERS = 20;
/** The opening of a draft says its language as well as all of it would, and a huge draft would take seconds. */
const SAMPLE_LENGTH = 20_000;

/**
 * The language of a draft, English or Dutch. franc is restricted to those two: unrestricted, it takes short Dutch for
 * German or Afrikaans.
 */
export function detectLanguage(draft: string, fallback: Language): Language {
	const text = draft.slice(0, SAMPLE_LENGTH);
	const letters = text.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+|[^\p{L}]/gu, "");
	if (letters.length < MIN_LETTERS) return fallback;
	const [best] = francAll(text, { only: Object.keys(FRANC_CODES), minLength: 1 });
	return (best && FRANC_CODES[best[0]]) ?? fallback;
}
