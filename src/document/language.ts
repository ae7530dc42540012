import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import type { Language } from "../contracts/config.js";

/** Below this many letters detection is a coin toss; the config's default language is used instead. */
const MIN_LETTERS = 20;
/** The opening of a text says its language as well as all of it would, and a huge one would take seconds. */
const SAMPLE_LENGTH = 20_000;

/**
 * The language of a draft, English or Dutch. Detection is franc's, restricted to those two: unrestricted, it takes
 * short Dutch for German or Afrikaans. The draft's function words outvote it when they clearly agree.
 */
export function detectLanguage(draft: string, fallback: Language): Language {
	const text = draft.slice(0, SAMPLE_LENGTH);
	if (lettersOf(text).length < MIN_LETTERS) return fallback;
	return votedLanguage(text) ?? scoreLanguages(text)?.[0]?.[0] ?? fallback;
}

/**
 * Short words that one of the two languages uses all the time and the other never does. Trigrams mislead on short
 * posts ("It would be great if my shift manager weren't such a lazy pig" scored as Dutch); these words do not.
 */
const FUNCTION_WORDS: Record<Language, ReadonlySet<string>> = {
	en: new Set(
		"the a an are were be been it it's its this that these those to and or but if on at for with from by my your our their his her you they i i'm he she would will can can't don't not no so such just what who how why when there all about have has had do does did".split(
			" ",
		),
	),
	nl: new Set(
		"de het een zijn waren en maar als op aan bij voor met van naar uit om te dat die dit deze ik je jij u wij ze zij hij mijn jouw onze hun niet geen wel ook nog al er daar wat wie hoe waarom wanneer heb hebt heeft hebben kan kun kunnen wil gaat gaan zo echt toch even".split(
			" ",
		),
	),
};
/** A language's function words settle a short text when there are this many, and this many times the other's. */
const MIN_VOTES = 3;
const VOTE_RATIO = 3;

/** The language whose function words clearly outnumber the other's, if one does; exported for its test. */
export function votedLanguage(text: string): Language | undefined {
	const votes = { en: 0, nl: 0 };
	for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
		if (FUNCTION_WORDS.en.has(word)) votes.en++;
		else if (FUNCTION_WORDS.nl.has(word)) votes.nl++;
	}
	if (votes.en >= MIN_VOTES && votes.en >= VOTE_RATIO * votes.nl) return "en";
	if (votes.nl >= MIN_VOTES && votes.nl >= VOTE_RATIO * votes.en) return "nl";
	return undefined;
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
	const voted = votedLanguage(sentence);
	if (voted) return voted;
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

/** The languages franc compares, in franc's order, with their trigram models (most frequent first). */
const LANGUAGES: { language: Language; model: string }[] = [
	{ language: "en", model: data.Latin?.eng ?? "" },
	{ language: "nl", model: data.Latin?.nld ?? "" },
];

/** Each model trigram's rank (0 = most frequent) in each language's model, -1 where absent; keyed by keyOf. */
const RANKS = ranksOf(LANGUAGES.map(({ model }) => model));

function ranksOf(models: string[]): Map<number, number[]> {
	const ranks = new Map<number, number[]>();
	for (const [language, model] of models.entries()) {
		for (const [rank, trigram] of model.split("|").entries()) {
			const key = keyOf(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2));
			let byLanguage = ranks.get(key);
			if (!byLanguage) {
				byLanguage = models.map(() => -1);
				ranks.set(key, byLanguage);
			}
			if (byLanguage[language] === -1) byLanguage[language] = rank;
		}
	}
	return ranks;
}

/**
 * Three UTF-16 code units as one number. When each is below 1024, as letters mostly are, the key is a small integer,
 * which a Map hashes without boxing it; the other keys start at 2^30, above every small one.
 */
function keyOf(first: number, second: number, third: number): number {
	if ((first | second | third) < 1024) return (first << 20) | (second << 10) | third;
	return (first * 0x10000 + second) * 0x10000 + third + 2 ** 30;
}

/**
 * English and Dutch with franc's scores, best first; undefined where franc says "undetermined". Exported for its test,
 * which holds it to franc's own scores.
 */
export function scoreLanguages(text: string): [Language, number][] | undefined {
	const value = text.slice(0, FRANC_MAX_LENGTH);
	if (value.length === 0 || !isLatinTopScript(value)) return undefined;
	const totals = distancesTo(countTrigrams(value));
	// Sorted by distance; a tie keeps franc's model order (stable sort).
	const distances = LANGUAGES.map(({ language }, index) => ({ language, distance: totals[index] as number })).sort(
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

/**
 * franc's trigrams: lower case, ASCII punctuation, digits and white space become a space, runs of spaces one, and the
 * text padded by a space, without building that string. Counted in a table this thread reuses.
 */
function countTrigrams(value: string): TrigramCounts {
	const lower = value.toLowerCase();
	const counts = TRIGRAMS.cleared();
	let first = SPACE;
	let second = -1;
	let afterSpace = true;
	const add = (code: number) => {
		if (second !== -1) {
			counts.add(keyOf(first, second, code));
			first = second;
		}
		second = code;
	};
	for (let at = 0; at < lower.length; at++) {
		const code = lower.charCodeAt(at);
		if (!isFrancSeparator(code)) {
			add(code);
			afterSpace = false;
		} else if (!afterSpace) {
			add(SPACE);
			afterSpace = true;
		}
	}
	if (!afterSpace) add(SPACE);
	return counts;
}

/** Bits of a trigram table's size: room for twice the trigrams of 2,048 characters lower-cased ("İ" becomes two). */
const TABLE_BITS = 14;

/**
 * The distinct trigrams of one text and their counts: an open-addressing table, reused from text to text. A Map per
 * text was the largest share of a batch's allocations (every sentence of every draft is scored).
 */
class TrigramCounts {
	private readonly keys = new Float64Array(1 << TABLE_BITS);
	private readonly counts = new Int32Array(1 << TABLE_BITS);
	/** The slots in use, to visit and clear only those. */
	private readonly used = new Int32Array(1 << TABLE_BITS);
	private size = 0;

	cleared(): this {
		for (let index = 0; index < this.size; index++) this.counts[this.used[index] as number] = 0;
		this.size = 0;
		return this;
	}

	add(key: number): void {
		const mask = (1 << TABLE_BITS) - 1;
		let slot = slotOf(key);
		while (this.counts[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
		if (this.counts[slot] === 0) {
			this.keys[slot] = key;
			this.used[this.size++] = slot;
		}
		(this.counts[slot] as number)++;
	}

	forEach(visit: (count: number, key: number) => void): void {
		for (let index = 0; index < this.size; index++) {
			const slot = this.used[index] as number;
			visit(this.counts[slot] as number, this.keys[slot] as number);
		}
	}
}

/** A key's first slot: its low and high 32 bits mixed (keys reach 2^48). */
function slotOf(key: number): number {
	const low = key | 0;
	const high = (key / 0x100000000) | 0;
	return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> (32 - TABLE_BITS);
}

const TRIGRAMS = new TrigramCounts();

const SPACE = 0x20;

/** What franc turns into a space: ASCII punctuation and digits (U+0021 to U+0040) and what `\s` matches. */
function isFrancSeparator(code: number): boolean {
	if (code <= 0x40) return code >= 0x21 || code === SPACE || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/**
 * franc's distance to each language's model: per distinct trigram, the gap between its count and its rank in the
 * model (sic), or 300 if absent.
 */
function distancesTo(counts: TrigramCounts): number[] {
	const totals = LANGUAGES.map(() => 0);
	counts.forEach((count, key) => {
		const ranks = RANKS.get(key);
		for (let language = 0; language < totals.length; language++) {
			const rank = ranks?.[language] ?? -1;
			(totals[language] as number) += rank === -1 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
		}
	});
	return totals;
}
