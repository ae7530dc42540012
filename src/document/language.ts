import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import type { Language } from "../contracts/config.js";

/** Below this many letters detection is a coin toss; the config's default language is used instead. */
const MIN_LETTERS = 20;
/** The opening of a text says its language as well as all of it would, and a huge one would take seconds. */
const SAMPLE_LENGTH = 20_000;

/**
 * The language of a draft, English or Dutch. Detection is franc's, restricted to those two: unrestricted, it takes
 * short Dutch for German or Afrikaans.
 */
export function detectLanguage(draft: string, fallback: Language): Language {
	const text = draft.slice(0, SAMPLE_LENGTH);
	if (lettersOf(text).length < MIN_LETTERS) return fallback;
	return scoreLanguages(text)?.[0]?.[0] ?? fallback;
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
	const scores = scoreLanguages(sentence);
	const draftScore = scores?.find(([language]) => language === draftLanguage)?.[1] ?? 0;
	const best = scores?.[0]?.[0];
	return best && best !== draftLanguage && draftScore < SWITCH_BELOW ? best : draftLanguage;
}

/** The letters that tell languages apart: no links, handles, hashtags, digits or punctuation. */
function lettersOf(text: string): string {
	return text.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+|[^\p{L}]/gu, "");
}

/*
 * franc's scoring (franc-min 6, `francAll(text, { only: ["eng", "nld"], minLength: 1 })`), computed the same way on
 * the same models without building a string per trigram: detection ran on every sentence of every draft, and franc's
 * string dictionaries made it a sixth of a batch run. test/language.test.ts holds it to franc's own results.
 */

/** franc reads at most this much of a text. */
const FRANC_MAX_LENGTH = 2048;
/** What a trigram missing from a model (or too far off its rank) adds to the distance. */
const MAX_DIFFERENCE = 300;

/** Each model trigram's rank (0 = most frequent), keyed by its three UTF-16 code units. In franc's order. */
const MODELS: { language: Language; ranks: Map<number, number> }[] = [
	{ language: "en", ranks: ranksOf(data.Latin?.eng ?? "") },
	{ language: "nl", ranks: ranksOf(data.Latin?.nld ?? "") },
];

function ranksOf(model: string): Map<number, number> {
	const ranks = new Map<number, number>();
	for (const [rank, trigram] of model.split("|").entries()) {
		const key = trigramKey(trigram, 0);
		if (!ranks.has(key)) ranks.set(key, rank);
	}
	return ranks;
}

/**
 * Three UTF-16 code units as one number. When each is below 1024, as letters mostly are, the key is a small integer,
 * which a Map hashes without boxing it; the other keys start at 2^30, above every small one.
 */
function trigramKey(text: string, at: number): number {
	const first = text.charCodeAt(at);
	const second = text.charCodeAt(at + 1);
	const third = text.charCodeAt(at + 2);
	if ((first | second | third) < 1024) return (first << 20) | (second << 10) | third;
	return (first * 0x10000 + second) * 0x10000 + third + 2 ** 30;
}

/** English and Dutch with franc's scores, best first; undefined where franc says "undetermined". */
function scoreLanguages(text: string): [Language, number][] | undefined {
	const value = text.slice(0, FRANC_MAX_LENGTH);
	if (value.length === 0 || !isLatinTopScript(value)) return undefined;
	const counts = countTrigrams(value);
	// Sorted by distance; a tie keeps franc's model order (stable sort).
	const distances = MODELS.map(({ language, ranks }) => ({ language, distance: distanceTo(counts, ranks) })).sort(
		(a, b) => a.distance - b.distance,
	);
	const min = distances[0]?.distance ?? 0;
	const max = value.length * MAX_DIFFERENCE - min;
	return distances.map(({ language, distance }) => [language, 1 - (distance - min) / max || 0]);
}

/**
 * Whether Latin is the script franc picks: the one with the most characters, the first listed on a tie. The scripts'
 * characters do not overlap Latin's, so ASCII letters (Latin) being more than half of them settles it at once.
 */
function isLatinTopScript(value: string): boolean {
	if (2 * countAsciiLetters(value) > value.length) return true;
	let topCount = -1;
	let topScript: string | undefined;
	for (const [script, expression] of Object.entries(expressions)) {
		const count = countMatches(value, expression);
		if (count > topCount) {
			topCount = count;
			topScript = script;
		}
	}
	return topScript === "Latin";
}

function countAsciiLetters(value: string): number {
	let count = 0;
	for (let at = 0; at < value.length; at++) {
		const code = value.charCodeAt(at) | 0x20;
		if (code >= 0x61 && code <= 0x7a) count++;
	}
	return count;
}

function countMatches(value: string, expression: RegExp | undefined): number {
	return expression ? (value.match(expression)?.length ?? 0) : 0;
}

/** franc's trigrams: ASCII punctuation and digits become spaces, runs of spaces one, lower case, padded by a space. */
function countTrigrams(value: string): Map<number, number> {
	const padded = ` ${value
		.replace(/[\u0021-\u0040\s]+/g, " ")
		.trim()
		.toLowerCase()} `;
	const counts = new Map<number, number>();
	for (let at = 0; at + 3 <= padded.length; at++) {
		const key = trigramKey(padded, at);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

/** franc's distance: per distinct trigram, the gap between its count and its rank in the model (sic), or 300 if absent. */
function distanceTo(counts: Map<number, number>, ranks: Map<number, number>): number {
	let distance = 0;
	for (const [key, count] of counts) {
		const rank = ranks.get(key);
		distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
	}
	return distance;
}
